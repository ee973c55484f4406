# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Shared by the bench.sh scripts under tests/bench/ (sourced, not run): timing and one markdown
# table per benchmark. Set BENCH_WORK (a folder for scratch files) before use.
#
#   bench_rss NAME CMD...         one run under /usr/bin/time: the peak resident set size of NAME
#   bench_hyperfine RUNS ARGS...  hyperfine with RUNS runs per command (-n NAME before each);
#                                 adds one row per command (call bench_rss for each NAME first)
#   bench_once NAME CMD...        one run under /usr/bin/time (for commands taking seconds):
#                                 adds a row with its elapsed time and peak memory
#   bench_table HEADING FLOOR     prints the rows, times also relative to row FLOOR's mean

declare -A BENCH_RSS=()
BENCH_ROWS=()   # "name|mean s|stddev s|min s|max s|runs|peak KiB"

bench_rss() {
    local name="$1"; shift
    /usr/bin/time -f %M -o "$BENCH_WORK/rss" "$@" >/dev/null 2>&1
    BENCH_RSS[$name]="$(tail -n1 "$BENCH_WORK/rss")"
}

bench_hyperfine() {
    local runs="$1" name mean stddev median user system min max; shift
    hyperfine --style basic --runs "$runs" --export-csv "$BENCH_WORK/hyperfine.csv" "$@" >&2
    while IFS=, read -r name mean stddev median user system min max; do
        BENCH_ROWS+=("$name|$mean|$stddev|$min|$max|$runs|${BENCH_RSS[$name]:-}")
    done < <(tail -n +2 "$BENCH_WORK/hyperfine.csv")
}

bench_once() {
    local name="$1" seconds kib; shift
    /usr/bin/time -f '%e %M' -o "$BENCH_WORK/once" "$@" >/dev/null 2>&1
    read -r seconds kib < <(tail -n1 "$BENCH_WORK/once")
    BENCH_ROWS+=("$name|$seconds||$seconds|$seconds|1|$kib")
}

bench_table() {
    local heading="$1" floor="$2" row floor_mean=""
    for row in "${BENCH_ROWS[@]}"; do
        [[ "${row%%|*}" != "$floor" ]] || floor_mean="$(cut -d'|' -f2 <<<"$row")"
    done
    echo "| $heading | Mean [ms] | σ [ms] | Min [ms] | Max [ms] | Runs | × floor | Peak memory [MiB] |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for row in "${BENCH_ROWS[@]}"; do
        awk -F'|' -v floor="$floor_mean" '{
            sd = ($3 == "") ? "–" : sprintf("%.1f", $3 * 1000)
            printf "| %s | %.1f | %s | %.1f | %.1f | %d | %.1f | %.1f |\n",
                $1, $2 * 1000, sd, $4 * 1000, $5 * 1000, $6, $2 / floor, $7 / 1024 }' <<<"$row"
    done
}
