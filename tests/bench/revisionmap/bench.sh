#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Times `stratum heads` and `stratum history` on a 10,000-revision project (branches, merges,
# labels, depends_on) against Alembic 1.8.1 on the same history and against the floor: list the
# folder, open, read and close every file, nothing else. Prints a markdown table.
#
#   tests/bench/revisionmap/bench.sh BUILD_DIR      (BUILD_DIR of the release preset)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
floor="$build/tests/bench/revisionmap/bench_floor"
python=/usr/bin/python3
revisions="${STRATUM_BENCH_REVISIONS:-10000}"
BENCH_WORK="$build/bench/revisionmap-$revisions"
source "$here/../lib.sh"
for tool in "$stratum" "$floor"; do
    [[ -x "$tool" ]] || { echo "bench.sh: $tool is missing; build it first" >&2; exit 2; }
done
for tool in hyperfine /usr/bin/time "$python"; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done

# The project is generated once and reused while generate.py stays the same.
stamp="$(sha256sum "$here/generate.py" | cut -c1-16)-$revisions"
if [[ "$(cat "$BENCH_WORK/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "Generating $revisions revisions (SQL and Alembic) in $BENCH_WORK" >&2
    rm -rf "$BENCH_WORK"
    "$python" "$here/generate.py" "$BENCH_WORK" --revisions "$revisions" --seed 1
    echo "$stamp" >"$BENCH_WORK/stamp"
fi
versions="$BENCH_WORK/stratum/migrations/versions"
sql_ini="$BENCH_WORK/stratum/stratum.ini"
py_ini="$BENCH_WORK/alembic/alembic.ini"
floor_name="floor: read $revisions files"

# Peak memory of the fast commands (these runs also fill the page cache), then their times.
bench_rss "$floor_name" "$floor" "$versions"
bench_rss "stratum heads" "$stratum" -c "$sql_ini" heads
bench_rss "stratum history" "$stratum" -c "$sql_ini" history
bench_hyperfine 20 --warmup 3 --shell=none \
    -n "$floor_name" "$floor $versions" \
    -n "stratum heads" "$stratum -c $sql_ini heads" \
    -n "stratum history" "$stratum -c $sql_ini history"
# Alembic takes seconds per run: one run each.
bench_once "alembic heads" "$python" -m alembic -c "$py_ini" heads
bench_once "alembic history" "$python" -m alembic -c "$py_ini" history

bench_table "Command ($revisions revisions)" "$floor_name" | tee "$BENCH_WORK/table.md"
