#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Times `stratum upgrade head` of 1,000 revisions on SQLite, PostgreSQL and MariaDB against the
# engine's own client running the same statements (the floor: the sqlite3 shell, `psql -1`,
# the mariadb client) and against Alembic 1.8.1 running them through op.execute(). Every run
# starts from a fresh database; afterwards the bench checks that the tool made the 1,000
# tables and, for Stratum and Alembic, the version row. The floor and Stratum take turns, run
# by run (STRATUM_BENCH_UPGRADE_RUNS, 10), so that other work on the machine weighs on both
# alike; Alembic runs once. For the servers it also counts the messages each tool sends to the
# server (round trips; `sendto` calls under strace). Prints a markdown table per engine.
#
#   tests/bench/upgrade/bench.sh BUILD_DIR [ENGINE...]     (BUILD_DIR of the release preset;
#                                                            ENGINE: sqlite postgresql mysql)
#
# PostgreSQL and MariaDB: STRATUM_TEST_PG_URL / STRATUM_TEST_MYSQL_URL when set (the user needs
# CREATE DATABASE), else throw-away servers started here (tests/bench/servers.sh).
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR [ENGINE...]}")"
shift
engines=("$@")
[[ ${#engines[@]} -gt 0 ]] || engines=(sqlite postgresql mysql)
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
python=/usr/bin/python3
revisions="${STRATUM_BENCH_UPGRADE_REVISIONS:-1000}"
runs="${STRATUM_BENCH_UPGRADE_RUNS:-10}"
BENCH_WORK="$build/bench/upgrade-$revisions"
source "$here/../lib.sh"
source "$here/../servers.sh"
trap bench_stop_servers EXIT
[[ -x "$stratum" ]] || { echo "bench.sh: $stratum is missing; build it first" >&2; exit 2; }
for tool in sqlite3 psql mariadb strace /usr/bin/time "$python"; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done
"$python" -c 'import alembic, psycopg2, pymysql' 2>/dev/null \
    || { echo "bench.sh: python3-alembic, python3-psycopg2 and python3-pymysql are needed" >&2; exit 2; }

stamp="$(sha256sum "$here/generate.py" | cut -c1-16)-$revisions"
if [[ "$(cat "$BENCH_WORK/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "Generating $revisions revisions (SQL, Alembic, one script) in $BENCH_WORK" >&2
    rm -rf "$BENCH_WORK"
    "$python" "$here/generate.py" "$BENCH_WORK" --revisions "$revisions"
    echo "$stamp" >"$BENCH_WORK/stamp"
fi
head_revision="$(cat "$BENCH_WORK/head")"
stratum_ini="$BENCH_WORK/stratum/stratum.ini"
alembic_ini="$BENCH_WORK/alembic/alembic.ini"
database=stratum_bench_upgrade

# --- per engine: how to start afresh, run each tool, and look at the result -----------------
# Each sets: fresh (a shell command that empties the database), floor_name, floor_cmd,
# stratum_url, alembic_url, query (a command that prints the first column of an SQL query)
# and tables_sql (counts the benchmark's tables).

engine_sqlite() {
    local db="$BENCH_WORK/bench.db"
    fresh="rm -f $db"
    floor_name="sqlite3 shell: same SQL"
    floor_cmd="sqlite3 $db '.read $BENCH_WORK/all.sql'"
    stratum_url="sqlite:///$db"
    alembic_url="sqlite:///$db"
    query=(sqlite3 "$db")
    tables_sql="SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\_%' ESCAPE '\'"
    heading="Command ($revisions revisions, fresh SQLite file)"
}

engine_postgresql() {
    bench_postgres_url
    local base="${BENCH_PG_URL%%\?*}"
    base="${base%/*}"
    fresh="PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 '$BENCH_PG_URL' -c 'DROP DATABASE IF EXISTS $database' -c 'CREATE DATABASE $database'"
    floor_name="psql -1: same SQL"
    floor_cmd="psql -X -q -1 -v ON_ERROR_STOP=1 -d '$base/$database' -f $BENCH_WORK/statements.sql"
    stratum_url="$base/$database"
    alembic_url="$base/$database"
    query=(psql -X -qAt -d "$base/$database" -c)
    tables_sql="SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 't\_%'"
    heading="Command ($revisions revisions, fresh PostgreSQL database)"
}

engine_mysql() {
    bench_mariadb_url
    # mysql://user:password@host:port/database
    local rest="${BENCH_MYSQL_URL#*://}" user password host port
    user="${rest%%:*}"; rest="${rest#*:}"
    password="${rest%%@*}"; rest="${rest#*@}"
    host="${rest%%:*}"; rest="${rest#*:}"
    port="${rest%%/*}"
    local client="mariadb --no-defaults -h $host -P $port -u $user -p$password"
    fresh="$client -e 'DROP DATABASE IF EXISTS $database; CREATE DATABASE $database'"
    floor_name="mariadb client: same SQL"
    floor_cmd="$client $database <$BENCH_WORK/statements.sql"
    stratum_url="mysql://$user:$password@$host:$port/$database"
    alembic_url="mysql+pymysql://$user:$password@$host:$port/$database"
    query=($client -N -B "$database" -e)
    tables_sql="SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 't\_%'"
    heading="Command ($revisions revisions, fresh MariaDB database)"
}

# The tool named $1 made the tables (and, with $2 = versioned, the version row).
check() {
    local made version
    made="$("${query[@]}" "$tables_sql")"
    [[ "$made" == "$revisions" ]] || { echo "bench.sh: $1 made $made tables, not $revisions" >&2; exit 1; }
    [[ "${2:-}" == versioned ]] || return 0
    version="$("${query[@]}" "SELECT version_num FROM alembic_version")"
    [[ "$version" == "$head_revision" ]] || { echo "bench.sh: $1 left the version table at '$version', not $head_revision" >&2; exit 1; }
}

# Messages the command sends to the server: one per query, prepare, execute, …
round_trips() {
    strace -f -qq -c -e trace=sendto -o "$BENCH_WORK/strace" bash -c "$1" >/dev/null 2>&1
    awk '$NF == "sendto" { print $4 }' "$BENCH_WORK/strace"
}

# RUNS runs of the commands with the given indexes, taking turns, each from a fresh database:
# on a machine shared with other work, a burst of load then falls on all of them alike. Adds
# a row per command (mean, σ, min, max of the wall-clock times).
interleaved() {
    local runs="$1" round i start end; shift
    declare -A times=()
    for round in $(seq 0 "$runs"); do   # round 0 warms up
        for i in "$@"; do
            bash -c "$fresh" >/dev/null 2>&1
            start="$(date +%s.%N)"
            bash -c "${commands[$i]}" >/dev/null 2>&1
            end="$(date +%s.%N)"
            [[ $round -eq 0 ]] || times[$i]+="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') "
        done
    done
    for i in "$@"; do
        BENCH_ROWS+=("${names[$i]}|$(awk '{ for (k = 1; k <= NF; k++) { s += $k; q += $k * $k
                                                 if (k == 1 || $k < lo) lo = $k; if ($k > hi) hi = $k }
                                             m = s / NF; v = NF > 1 ? (q - NF * m * m) / (NF - 1) : 0
                                             printf "%f|%f|%f|%f", m, sqrt(v > 0 ? v : 0), lo, hi }' <<<"${times[$i]}")|$runs|${BENCH_RSS[${names[$i]}]:-}")
    done
}

for engine in "${engines[@]}"; do
    "engine_$engine"
    names=("$floor_name" "stratum upgrade head" "alembic upgrade head")
    commands=("$floor_cmd"
              "$stratum -c $stratum_ini --url '$stratum_url' upgrade head"
              "$python -m alembic -c $alembic_ini -x url='$alembic_url' upgrade head")
    BENCH_ROWS=()
    declare -A sent=()
    for i in 0 1 2; do
        bash -c "$fresh"
        bench_rss "${names[$i]}" bash -c "${commands[$i]}"
        check "${names[$i]}" $([[ $i -gt 0 ]] && echo versioned)
        if [[ "$engine" != sqlite ]]; then
            bash -c "$fresh"
            sent[${names[$i]}]="$(round_trips "${commands[$i]}")"
            check "${names[$i]}" $([[ $i -gt 0 ]] && echo versioned)
        fi
    done
    interleaved "$runs" 0 1
    check "${names[1]}" versioned
    # Alembic takes seconds: one run.
    bash -c "$fresh"
    bench_once "${names[2]}" bash -c "${commands[2]}"
    check "${names[2]}" versioned

    {
        echo
        bench_table "$heading" "$floor_name"
        if [[ "$engine" != sqlite ]]; then
            echo
            echo "| Messages sent to the server ($revisions revisions) | sendto calls | per revision |"
            echo "|---|---:|---:|"
            for name in "${names[@]}"; do
                awk -v n="$name" -v s="${sent[$name]}" -v r="$revisions" \
                    'BEGIN { printf "| %s | %d | %.2f |\n", n, s, s / r }'
            done
        fi
    } | tee "$BENCH_WORK/table-$engine.md"
    unset sent
done
