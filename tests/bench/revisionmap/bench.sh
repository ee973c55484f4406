#!/usr/bin/env bash
# Times `stratum heads` and `stratum history` on a 10,000-revision project against Alembic 1.8.1
# on the same history and against the floor (list the folder, read every file, nothing else),
# and prints a markdown table: hyperfine for the times, /usr/bin/time for peak memory.
#
#   tests/bench/revisionmap/bench.sh BUILD_DIR      (BUILD_DIR of the release preset)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
floor="$build/tests/bench/revisionmap/bench_floor"
python=/usr/bin/python3
revisions="${STRATUM_BENCH_REVISIONS:-10000}"
work="$build/bench/revisionmap-$revisions"
for tool in "$stratum" "$floor"; do
    [[ -x "$tool" ]] || { echo "bench.sh: $tool is missing; build it first" >&2; exit 2; }
done
for tool in hyperfine /usr/bin/time "$python"; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done

# The project is generated once and reused while generate.py stays the same.
stamp="$(sha256sum "$here/generate.py" | cut -c1-16)-$revisions"
if [[ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "Generating $revisions revisions (SQL and Alembic) in $work"
    rm -rf "$work"
    "$python" "$here/generate.py" "$work" --revisions "$revisions" --seed 1
    echo "$stamp" >"$work/stamp"
fi
versions="$work/stratum/migrations/versions"
sql_ini="$work/stratum/stratum.ini"
py_ini="$work/alembic/alembic.ini"

names=(
    "floor: read $revisions files"
    "stratum heads"
    "stratum history"
    "alembic heads"
    "alembic history"
)
commands=(
    "$floor $versions"
    "$stratum -c $sql_ini heads"
    "$stratum -c $sql_ini history"
    "$python -m alembic -c $py_ini heads"
    "$python -m alembic -c $py_ini history"
)

# Peak memory: one run each, which also brings every file into the page cache.
declare -A peak
for i in "${!names[@]}"; do
    /usr/bin/time -f %M -o "$work/rss" ${commands[$i]} >/dev/null
    peak[${names[$i]}]="$(tail -n1 "$work/rss")"
done

# Times: many runs of the fast commands; few of Alembic, which takes seconds per run.
hyperfine_args=(--style basic --shell=none)
args=()
for i in 0 1 2; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
hyperfine "${hyperfine_args[@]}" --warmup 3 --min-runs 20 --export-csv "$work/fast.csv" "${args[@]}" >&2
args=()
for i in 3 4; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
hyperfine "${hyperfine_args[@]}" --runs 3 --export-csv "$work/slow.csv" "${args[@]}" >&2

# The table: hyperfine's CSV (seconds) plus the peak resident set size (KiB).
floor_mean="$(awk -F, 'NR == 2 { print $2 }' "$work/fast.csv")"
{
    echo "| Command ($revisions revisions) | Mean [ms] | σ [ms] | Min [ms] | Max [ms] | × floor | Peak memory [MiB] |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for csv in "$work/fast.csv" "$work/slow.csv"; do
        tail -n +2 "$csv" | while IFS=, read -r name mean stddev median user system min max; do
            awk -v n="$name" -v mean="$mean" -v sd="$stddev" -v min="$min" -v max="$max" \
                -v floor="$floor_mean" -v rss="${peak[$name]}" 'BEGIN {
                    printf "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n",
                        n, mean * 1000, sd * 1000, min * 1000, max * 1000, mean / floor, rss / 1024 }'
        done
    done
} >"$work/table.md"
cat "$work/table.md"
