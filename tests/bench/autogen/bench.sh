#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Reflection + autogenerate of a schema of N tables (10 columns, 2 indexes, 1 foreign key each)
# on SQLite, PostgreSQL and MariaDB: `stratum check` against Alembic's compare_metadata(), both
# finding no difference on the generated schema.
#
# Stratum, the whole process: cold (`schema_cache = false`: the schema files are normalised on a
# dev database), warm (the normalised schema is read from the cache) and with one table edited
# before each run (a new column of a fresh name: `check` finds it and exits 1).
# Alembic: Debian's 1.8.1 (SQLAlchemy 1.4) with models reflected from a second database, and
# today's Alembic (the anchor: STRATUM_BENCH_ANCHOR, see anchor.sh) with models declared in a
# models.py, with that file edited like the schema file, and with models reflected.
# Then the growth of `check` (and of the anchor with declared models) with the number of tables.
# Prints markdown tables on stdout; progress and hyperfine's output go to stderr.
#
#   tests/bench/autogen/bench.sh BUILD_DIR      (BUILD_DIR of the release preset)
#
# Environment:
#   STRATUM_BENCH_TABLES        tables of the main table (1000)
#   STRATUM_BENCH_SIZES         tables of the growth table ("250 1000 4000"; "": none)
#   STRATUM_BENCH_ALEMBIC_MAX   the largest size Alembic is timed at in the growth table (4000)
#   STRATUM_BENCH_ALEMBIC_RUNS  runs of each Alembic case of the main table (3)
#   STRATUM_BENCH_BUDGET        seconds of timed runs per Stratum case (20): 3 to 10 runs in
#                               the main table, 1 to 5 in the growth table, after one run
#                               that checks the result and serves as warm-up
#   STRATUM_BENCH_ENGINES       the engines to run ("sqlite postgresql mysql")
#   STRATUM_BENCH_ANCHOR        the folder of today's Alembic and SQLAlchemy (docs/benchmarks.md)
#   STRATUM_TEST_PG_URL, STRATUM_TEST_MYSQL_URL
#                               servers to use; unset: throw-away ones started here (../servers.sh)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
python=/usr/bin/python3
tables="${STRATUM_BENCH_TABLES:-1000}"
sizes="${STRATUM_BENCH_SIZES-250 1000 4000}"
alembic_max="${STRATUM_BENCH_ALEMBIC_MAX:-4000}"
alembic_runs="${STRATUM_BENCH_ALEMBIC_RUNS:-3}"
budget="${STRATUM_BENCH_BUDGET:-20}"
work="$build/bench/autogen"
[[ -x "$stratum" ]] || { echo "bench.sh: $stratum is missing; build it first" >&2; exit 2; }
for tool in hyperfine sqlite3 psql mariadb "$python" /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done
"$python" -c 'import alembic, sqlalchemy, psycopg2, pymysql' 2>/dev/null \
    || { echo "bench.sh: python3-alembic, python3-psycopg2 and python3-pymysql are needed" >&2; exit 2; }

. "$here/../servers.sh"
. "$here/anchor.sh"
. "$here/engines.sh"
. "$here/measure.sh"
. "$here/report.sh"

rm -rf "$work"
mkdir -p "$work"
export STRATUM_CACHE_DIR="$work/cache"
# Python keeps the bytecode it compiled, as it does for a user: the anchor's under
# build/bench/anchor/pycache (see anchor.sh), models.py's beside it.
unset PYTHONDONTWRITEBYTECODE
loaded=()   # "ENGINE DB" of the databases made here, dropped at the end
cleanup() {
    local item
    for item in "${loaded[@]}"; do engine_drop $item 2>/dev/null || true; done
    bench_stop_servers
}
trap cleanup EXIT

bench_postgres_url
bench_mariadb_url
PG_URL="$BENCH_PG_URL"
MYSQL_URL="$BENCH_MYSQL_URL"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
anchor_prepare "$build/bench/anchor"
echo "$ANCHOR_NOTE" >&2
debian_alembic="$("$python" "$here/alembic_autogen.py" --versions)"

# The schema of N tables on ENGINE: the SQL, models.py, the target database, and three projects
# on it: cold (no cache), warm (cache) and edit (cache; its schema file edited before each run).
# With "desired", also a second database for the models Alembic reflects.
dataset() {
    local engine="$1" n="$2" dir="$work/$1-$2" kind
    mkdir -p "$dir"
    "$python" "$here/generate.py" "$engine" "$n" >"$dir/schema.sql"
    "$python" "$here/generate.py" --models "$engine" "$n" >"$dir/models.py"
    cp "$dir/models.py" "$dir/models_edit.py"
    echo "Loading $n tables into $engine" >&2
    engine_load "$engine" "stratum_bench_$n" "$dir/schema.sql"
    loaded+=("$engine stratum_bench_$n")
    if [[ "${3:-}" == desired ]]; then
        engine_load "$engine" "stratum_bench_${n}_desired" "$dir/schema.sql"
        loaded+=("$engine stratum_bench_${n}_desired")
    fi
    for kind in cold warm edit; do
        mkdir -p "$dir/$kind/migrations/versions" "$dir/$kind/schema"
        cp "$dir/schema.sql" "$dir/$kind/schema/app.sql"
        printf '[stratum]\nscript_location = migrations\nurl = %s\nschema = schema/*.sql\n' \
            "$(engine_url "$engine" "stratum_bench_$n")" >"$dir/$kind/stratum.ini"
    done
    echo "schema_cache = false" >>"$dir/cold/stratum.ini"
}

# `stratum check` cold and warm on a dataset; each must find no difference.
stratum_cases() {
    local engine="$1" n="$2" min="$3" max="$4" kind runs
    for kind in cold warm; do
        verify "$engine $n stratum $kind" 0 "$stratum" -c "$work/$engine-$n/$kind/stratum.ini" check
        runs="$(runs_for "$SECONDS_TAKEN" "$min" "$max")"
        engine_settle "$engine" "stratum_bench_$n"
        measure "$engine $n stratum $kind" "$runs" -- \
            "$stratum" -c "$work/$engine-$n/$kind/stratum.ini" check
    done
}

# One table edited before each run: `check` reports that one new column and exits 1.
stratum_edit_case() {
    local engine="$1" n="$2" dir="$work/$1-$2" table runs rc=0 found
    table="$(printf 't%04d' $((n / 2)))"
    local edit=(bash "$here/edit_table.sh" sql "$dir/edit/schema/app.sql" "$table" "$dir/edit.count")
    verify "$engine $n stratum edit, unedited" 0 "$stratum" -c "$dir/edit/stratum.ini" check
    "${edit[@]}"
    found="$("$stratum" -q -c "$dir/edit/stratum.ini" check 2>>"$work/runs.log")" || rc=$?
    if [[ "$rc" -ne 1 || "$found" != "add_column $table.bench_edit_$(cat "$dir/edit.count") "* || "$found" == *$'\n'* ]]; then
        echo "bench.sh: stratum check on $engine, one table edited: exit $rc, found: $found" >&2
        exit 1
    fi
    runs="$(runs_for "${MEAN["$engine $n stratum cold"]}" 3 10)"
    engine_settle "$engine" "stratum_bench_$n"
    measure "$engine $n stratum edit" "$runs" -i --prepare "${edit[*]}" -- \
        "$stratum" -c "$dir/edit/stratum.ini" check
}

# Alembic: Debian's with reflected models; the anchor with declared models (also edited, where
# it must find the one new column) and with reflected models.
alembic_cases() {
    local engine="$1" n="$2" dir="$work/$1-$2" table target desired
    target="$(engine_sa_url "$engine" "stratum_bench_$n")"
    desired="$(engine_sa_url "$engine" "stratum_bench_${n}_desired")"
    table="$(printf 't%04d' $((n / 2)))"
    # Alembic 1.8.1 reports a changed server default for part of the SQLite columns it reflected
    # itself; its exit code is not checked there.
    local expected=0
    [[ "$engine" != sqlite ]] || expected=any
    engine_settle "$engine" "stratum_bench_$n"
    measure_each "$engine $n alembic debian reflected" "$alembic_runs" "$expected" \
        "$python" "$here/alembic_autogen.py" "$target" "$desired"
    [[ ${#ANCHOR_ENV[@]} -gt 0 ]] || return 0
    local anchor=("${ANCHOR_ENV[@]}" "$python" "$here/alembic_autogen.py" "$target")
    measure_each "$engine $n anchor declared" "$alembic_runs" 0 "${anchor[@]}" --models "$dir/models.py"
    PREPARE=(bash "$here/edit_table.sh" models "$dir/models_edit.py" "$table" "$dir/models.count")
    measure_each "$engine $n anchor edit" "$alembic_runs" 1 "${anchor[@]}" --models "$dir/models_edit.py"
    PREPARE=()
    grep -q "1 differences: add_column $table.bench_edit_" <(tail -n1 "$work/runs.log") \
        || { echo "bench.sh: Alembic did not report exactly the edited column on $engine" >&2; exit 1; }
    measure_each "$engine $n anchor reflected" "$alembic_runs" 0 "${anchor[@]}" "$desired"
}

for engine in "${ENGINES[@]}"; do
    echo "== $tables tables on $engine" >&2
    dataset "$engine" "$tables" desired
    stratum_cases "$engine" "$tables" 3 10
    stratum_edit_case "$engine" "$tables"
    alembic_cases "$engine" "$tables"
done

# Growth: one size at a time, so the server holds one schema besides the main one.
for n in $sizes; do
    for engine in "${ENGINES[@]}"; do
        [[ "$n" != "$tables" ]] || continue
        echo "== $n tables on $engine" >&2
        dataset "$engine" "$n"
        stratum_cases "$engine" "$n" 1 5
        if [[ ${#ANCHOR_ENV[@]} -gt 0 && "$n" -le "$alembic_max" ]]; then
            engine_settle "$engine" "stratum_bench_$n"
            measure_each "$engine $n anchor declared" 1 0 "${ANCHOR_ENV[@]}" "$python" \
                "$here/alembic_autogen.py" "$(engine_sa_url "$engine" "stratum_bench_$n")" \
                --models "$work/$engine-$n/models.py"
        fi
        engine_drop "$engine" "stratum_bench_$n"
    done
done

report >"$work/table.md"
cat "$work/table.md"
