#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Times `stratum upgrade head` of 1,000 revisions on a fresh SQLite file against the sqlite3 shell
# running the same statements in one transaction (the floor) and against Alembic 1.8.1 running
# them through op.execute(). Prints a markdown table.
#
#   tests/bench/upgrade/bench.sh BUILD_DIR      (BUILD_DIR of the release preset)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
python=/usr/bin/python3
revisions="${STRATUM_BENCH_UPGRADE_REVISIONS:-1000}"
BENCH_WORK="$build/bench/upgrade-$revisions"
source "$here/../lib.sh"
[[ -x "$stratum" ]] || { echo "bench.sh: $stratum is missing; build it first" >&2; exit 2; }
for tool in hyperfine sqlite3 /usr/bin/time "$python"; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done

stamp="$(sha256sum "$here/generate.py" | cut -c1-16)-$revisions"
if [[ "$(cat "$BENCH_WORK/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "Generating $revisions revisions (SQL, Alembic, one script) in $BENCH_WORK" >&2
    rm -rf "$BENCH_WORK"
    "$python" "$here/generate.py" "$BENCH_WORK" --revisions "$revisions"
    echo "$stamp" >"$BENCH_WORK/stamp"
fi
shell_db="$BENCH_WORK/shell.db"
stratum_db="$BENCH_WORK/stratum/bench.db"
alembic_db="$BENCH_WORK/alembic/bench.db"

# Every tool must really build the $revisions tables.
check_tables() {
    local made
    made="$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\_%' ESCAPE '\'")"
    [[ "$made" == "$revisions" ]] || { echo "bench.sh: $2 made $made tables, not $revisions" >&2; exit 1; }
}

rm -f "$shell_db" "$stratum_db" "$alembic_db"
bench_rss "sqlite3 shell: same SQL" sqlite3 "$shell_db" ".read $BENCH_WORK/all.sql"
check_tables "$shell_db" "the sqlite3 shell"
bench_rss "stratum upgrade head" "$stratum" -c "$BENCH_WORK/stratum/stratum.ini" upgrade head
check_tables "$stratum_db" "stratum"
bench_hyperfine 10 --warmup 1 \
    -n "sqlite3 shell: same SQL" --prepare "rm -f $shell_db" \
    "sqlite3 $shell_db '.read $BENCH_WORK/all.sql'" \
    -n "stratum upgrade head" --prepare "rm -f $stratum_db" \
    "$stratum -c $BENCH_WORK/stratum/stratum.ini upgrade head"
# Alembic takes tens of seconds: one run.
bench_once "alembic upgrade head" "$python" -m alembic -c "$BENCH_WORK/alembic/alembic.ini" upgrade head
check_tables "$alembic_db" "Alembic"

bench_table "Command ($revisions revisions, fresh SQLite file)" "sqlite3 shell: same SQL" \
    | tee "$BENCH_WORK/table.md"
