#!/usr/bin/env bash
# Times `stratum upgrade head` of 1,000 revisions on a fresh SQLite file against the sqlite3 shell
# running the same statements in one transaction (the floor) and against Alembic 1.8.1 running
# them through op.execute(); prints a markdown table (hyperfine for times, /usr/bin/time for
# peak memory).
#
#   tests/bench/upgrade/bench.sh BUILD_DIR      (BUILD_DIR of the release preset)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
stratum="$build/app/cli/stratum"
python=/usr/bin/python3
revisions="${STRATUM_BENCH_UPGRADE_REVISIONS:-1000}"
work="$build/bench/upgrade-$revisions"
[[ -x "$stratum" ]] || { echo "bench.sh: $stratum is missing; build it first" >&2; exit 2; }
for tool in hyperfine sqlite3 /usr/bin/time "$python"; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (./packaging/dev bench installs it)" >&2; exit 2; }
done

stamp="$(sha256sum "$here/generate.py" | cut -c1-16)-$revisions"
if [[ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "Generating $revisions revisions (SQL, Alembic, one script) in $work"
    rm -rf "$work"
    "$python" "$here/generate.py" "$work" --revisions "$revisions"
    echo "$stamp" >"$work/stamp"
fi

names=("sqlite3 shell: same SQL" "stratum upgrade head" "alembic upgrade head")
databases=("$work/shell.db" "$work/stratum/bench.db" "$work/alembic/bench.db")
commands=(
    "sqlite3 $work/shell.db '.read $work/all.sql'"
    "$stratum -c $work/stratum/stratum.ini upgrade head"
    "$python -m alembic -c $work/alembic/alembic.ini upgrade head"
)

declare -A peak
for i in "${!names[@]}"; do
    rm -f "${databases[$i]}"
    if [[ $i -eq 0 ]]; then
        /usr/bin/time -f %M -o "$work/rss" sqlite3 "$work/shell.db" ".read $work/all.sql"
    else
        /usr/bin/time -f %M -o "$work/rss" ${commands[$i]} >/dev/null 2>&1
    fi
    peak[${names[$i]}]="$(tail -n1 "$work/rss")"
    tables="$(sqlite3 "${databases[$i]}" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\_%' ESCAPE '\'")"
    [[ "$tables" == "$revisions" ]] || { echo "bench.sh: ${names[$i]} made $tables tables, not $revisions" >&2; exit 1; }
done

args=()
for i in 0 1; do
    args+=(-n "${names[$i]}" --prepare "rm -f ${databases[$i]}" "${commands[$i]}")
done
hyperfine --style basic --warmup 1 --min-runs 10 --export-csv "$work/fast.csv" "${args[@]}" >&2
hyperfine --style basic --runs 3 --export-csv "$work/slow.csv" \
    -n "${names[2]}" --prepare "rm -f ${databases[2]}" "${commands[2]}" >&2

floor_mean="$(awk -F, 'NR == 2 { print $2 }' "$work/fast.csv")"
{
    echo "| Command ($revisions revisions, fresh SQLite file) | Mean [ms] | σ [ms] | Min [ms] | Max [ms] | × floor | Peak memory [MiB] |"
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
