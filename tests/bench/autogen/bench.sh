#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Reflection + autogenerate of a 1,000-table schema (10 columns, 2 indexes, 1 foreign key each)
# on SQLite and PostgreSQL: `stratum check` (reflect the database, normalise schema/*.sql on a
# dev database, compare) against Alembic 1.8.1's compare_metadata() with models reflected by
# SQLAlchemy, run with Debian's /usr/bin/python3. Both sides find no difference. Stratum runs
# twice: with `schema_cache = false` (the schema files changed since the last run: normalised
# on the dev database) and with the cache (unchanged: the normalised schema is read from the
# cache, the database is still reflected). Prints a markdown table. PostgreSQL:
# STRATUM_TEST_PG_URL, else a throw-away server started here (on a RAM disk where there is
# one, see below).
#
#   tests/bench/autogen/bench.sh BUILD_DIR      (BUILD_DIR of the release preset)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
python=/usr/bin/python3
tables="${STRATUM_BENCH_TABLES:-1000}"
work="$build/bench/autogen-$tables"
[[ -x "$stratum" ]] || { echo "bench.sh: $stratum is missing; build it first" >&2; exit 2; }
for tool in hyperfine sqlite3 psql "$python"; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done
"$python" -c 'import alembic, sqlalchemy, psycopg2' 2>/dev/null \
    || { echo "bench.sh: python3-alembic and python3-psycopg2 are needed" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
export STRATUM_CACHE_DIR="$work/cache"
project() {   # project DIR URL SCHEMA_FILE: DIR with the cache, DIR-cold without
    for dir in "$1" "$1-cold"; do
        mkdir -p "$dir/migrations/versions" "$dir/schema"
        cp "$3" "$dir/schema/app.sql"
        printf '[stratum]\nscript_location = migrations\nurl = %s\nschema = schema/*.sql\n' "$2" >"$dir/stratum.ini"
    done
    echo "schema_cache = false" >>"$1-cold/stratum.ini"
}

# --- PostgreSQL: the test server, or one of our own -------------------------------------------
pg_dir=""
stop_pg() {
    [[ -z "$pg_dir" ]] && return
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    else /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$pg_dir"
}
trap stop_pg EXIT
pg_url="${STRATUM_TEST_PG_URL:-}"
if [[ -z "$pg_url" ]]; then
    # The server's files go to a RAM disk where there is one (STRATUM_BENCH_PG_DIR overrides).
    # On ext4 without a journal, as on the machine these figures come from, creating a file
    # skips every inode freed in the last minutes one by one, so each run that creates and drops
    # the 6,000 files of a thousand indexed tables slows down the next; a database server's disk
    # has a journal and no such cost. Alembic only reads and is not affected either way.
    pg_parent="${STRATUM_BENCH_PG_DIR:-/tmp}"
    [[ -z "${STRATUM_BENCH_PG_DIR:-}" && -d /dev/shm && -w /dev/shm ]] && pg_parent=/dev/shm
    pg_dir="$(mktemp -d "$pg_parent/stratum-bench-pg.XXXXXX")"
    chmod 755 "$pg_dir"
    port=$((20000 + RANDOM % 40000))
    as_pg=()
    [[ $EUID -eq 0 ]] && { chown postgres "$pg_dir"; as_pg=(runuser -u postgres --); }
    (cd "$pg_dir" && "${as_pg[@]}" /usr/lib/postgresql/15/bin/initdb -D "$pg_dir/data" -U postgres --auth=trust >/dev/null)
    (cd "$pg_dir" && "${as_pg[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -l "$pg_dir/log" -w start \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_locks_per_transaction=2048 -c fsync=off" >/dev/null)
    pg_url="postgresql://postgres@127.0.0.1:$port/postgres"
fi
pg_base="${pg_url%/*}"

echo "Generating $tables tables in $work" >&2
"$python" "$here/generate.py" sqlite "$tables" >"$work/sqlite.sql"
"$python" "$here/generate.py" postgresql "$tables" >"$work/postgresql.sql"

sqlite3 "$work/target.db" <"$work/sqlite.sql"
sqlite3 "$work/desired.db" <"$work/sqlite.sql"
project "$work/sqlite" "sqlite:///$work/target.db" "$work/sqlite.sql"

for db in stratum_bench_target stratum_bench_desired; do
    psql -q "$pg_url" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    psql -q -v ON_ERROR_STOP=1 "$pg_base/$db" -f "$work/postgresql.sql" >/dev/null
done
project "$work/postgresql" "$pg_base/stratum_bench_target" "$work/postgresql.sql"

names=(
    "stratum check (SQLite)"
    "stratum check with cache (SQLite)"
    "alembic autogenerate (SQLite)"
    "stratum check (PostgreSQL)"
    "stratum check with cache (PostgreSQL)"
    "alembic autogenerate (PostgreSQL)"
)
commands=(
    "$stratum -c $work/sqlite-cold/stratum.ini check"
    "$stratum -c $work/sqlite/stratum.ini check"
    "$python $here/alembic_autogen.py sqlite:///$work/target.db sqlite:///$work/desired.db"
    "$stratum -c $work/postgresql-cold/stratum.ini check"
    "$stratum -c $work/postgresql/stratum.ini check"
    "$python $here/alembic_autogen.py $pg_base/stratum_bench_target $pg_base/stratum_bench_desired"
)
# One run each first: all must find nothing, and Alembic's phases are worth showing.
for i in "${!names[@]}"; do
    ${commands[$i]} 2>>"$work/phases.txt" >/dev/null || { echo "bench.sh: '${names[$i]}' failed" >&2; cat "$work/phases.txt" >&2; exit 1; }
done
# PostgreSQL rolls back and vacuums a cold run's thousand tables after it has ended; each
# group of runs waits for that so as not to pay for the one before.
settle() { sleep 5; psql -q "$pg_base/stratum_bench_target" -c "VACUUM" >/dev/null; }
args=()
for i in 0 1 4 3; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
settle
hyperfine --style basic --shell=none --warmup 2 --min-runs 10 --export-csv "$work/fast.csv" "${args[@]}" >&2
args=()
for i in 2 5; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
hyperfine --style basic --shell=none --runs 3 --export-csv "$work/slow.csv" "${args[@]}" >&2

# On a shared machine a burst of someone else's work lands in some runs: the median and the
# fastest run are shown next to the mean (the ratio is of the means).
declare -A mean median fastest
while IFS=, read -r name m sd med user sys min rest; do
    mean[$name]="$m"; median[$name]="$med"; fastest[$name]="$min"
done < <(tail -qn +2 "$work/fast.csv" "$work/slow.csv")
{
    echo "| $tables tables (10 columns, 2 indexes, 1 FK each) | Stratum mean (median, fastest) [ms] | Alembic 1.8.1 [ms] | Stratum faster by |"
    echo "|---|---:|---:|---:|"
    for engine in SQLite PostgreSQL; do
        for variant in "" " with cache"; do
            s="stratum check$variant ($engine)"
            label="$engine: reflect + normalise + compare"
            [[ -n "$variant" ]] && label="$engine, schema unchanged: reflect + cached schema + compare"
            awk -v e="$label" -v s="${mean[$s]}" -v m="${median[$s]}" -v f="${fastest[$s]}" \
                -v a="${mean["alembic autogenerate ($engine)"]}" \
                'BEGIN { printf "| %s | %.0f (%.0f, %.0f) | %.0f | %.1f× |\n", e, s * 1000, m * 1000, f * 1000, a * 1000, a / s }'
        done
    done
    echo
    echo "Alembic's own phases (one run each):"
    echo
    grep '^alembic:' "$work/phases.txt" | sed 's/^/    /'
    # Stratum's phases, one after the other (`check` reflects a server database in parallel
    # with building the desired schema); built with the tests (STRATUM_BUILD_TESTS=ON).
    phases="$build/tests/bench/autogen/bench_autogen_phases"
    if [[ -x "$phases" ]]; then
        for engine in sqlite postgresql; do
            echo
            echo "Stratum's phases on $engine (\`bench_autogen_phases\`, wall clock and client CPU):"
            echo
            "$phases" "$work/$engine/stratum.ini" 5
        done
    fi
} >"$work/table.md"
cat "$work/table.md"
