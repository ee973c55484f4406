# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Timing for the autogenerate benchmark (sourced by bench.sh, not run). Needs $work and $budget.
# Every run's output goes to $work/runs.log under a line "== KEY".
#
#   verify KEY EXIT CMD...       one run that must exit with EXIT (0: no difference found, 1:
#                                some; "any": either); its wall time goes to SECONDS_TAKEN
#   measure KEY RUNS [OPT...] -- CMD...
#                                hyperfine: RUNS runs of CMD (OPT: more hyperfine options), each
#                                under /usr/bin/time for the peak resident set size
#   measure_each KEY RUNS EXIT CMD...
#                                for commands taking seconds: RUNS runs, each checked as by
#                                verify and timed by /usr/bin/time; PREPARE (an array) runs
#                                before each
#   runs_for SECONDS MIN MAX     how many runs of SECONDS fit in $budget, within MIN..MAX
#   ms KEY [PER] / ms_spread KEY / mib KEY / ratio SLOW FAST
#                                a measured KEY for the tables ("–" when it was not measured)

declare -A MEAN MEDIAN FASTEST RUNS PEAK
PREPARE=()

# One run of CMD, logged; fails the benchmark when its exit code is not the expected one.
run_checked() {
    local key="$1" expected="$2" rc=0; shift 2
    echo "== $key" >>"$work/runs.log"
    "$@" >>"$work/runs.log" 2>&1 || rc=$?
    if [[ "$expected" != any && "$rc" -ne "$expected" ]]; then
        echo "bench.sh: '$key' exited with $rc, expected $expected; the end of its output:" >&2
        tail -n 20 "$work/runs.log" >&2
        exit 1
    fi
}

verify() {
    local start="$EPOCHREALTIME"
    run_checked "$@"
    SECONDS_TAKEN="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"
}

measure() {
    local key="$1" runs="$2" opts=() rss="$work/rss" name mean stddev median user system min rest
    shift 2
    while [[ "$1" != -- ]]; do opts+=("$1"); shift; done
    shift
    : >"$rss"
    hyperfine --style basic --shell=none --runs "$runs" "${opts[@]}" --export-csv "$work/run.csv" \
        -n "$key" "/usr/bin/time -f %M -a -o $rss $*" >&2
    IFS=, read -r name mean stddev median user system min rest < <(tail -n1 "$work/run.csv")
    MEAN[$key]="$mean" MEDIAN[$key]="$median" FASTEST[$key]="$min" RUNS[$key]="$runs"
    PEAK[$key]="$(grep -x '[0-9]*' "$rss" | sort -n | tail -n1)"
}

measure_each() {
    local key="$1" runs="$2" expected="$3" i times="$work/times" stats; shift 3
    : >"$times"
    for ((i = 0; i < runs; i++)); do
        [[ ${#PREPARE[@]} -eq 0 ]] || "${PREPARE[@]}"
        run_checked "$key" "$expected" /usr/bin/time -f '%e %M' -a -o "$times" "$@"
    done
    stats="$(grep -E '^[0-9.]+ [0-9]+$' "$times" | sort -n | awk '
        { t[NR] = $1; sum += $1; if ($2 > peak) peak = $2 }
        END { print sum / NR, (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, t[1], peak }')"
    read -r "MEAN[$key]" "MEDIAN[$key]" "FASTEST[$key]" "PEAK[$key]" <<<"$stats"
    RUNS[$key]="$runs"
}

runs_for() {
    awk -v s="$1" -v min="$2" -v max="$3" -v budget="$budget" \
        'BEGIN { n = int(budget / s); print (n < min) ? min : (n > max) ? max : n }'
}

ms() {
    local key="$1" per="${2:-1}"
    [[ -n "${MEAN[$key]:-}" ]] || { echo "–"; return; }
    awk -v s="${MEAN[$key]}" -v per="$per" 'BEGIN {
        v = s * 1000 / per
        printf (v >= 100) ? "%.0f" : (v >= 1) ? "%.1f" : "%.2f", v }'
}

# The mean with the median and the fastest run: "171 (163, 155)".
ms_spread() {
    local key="$1"
    [[ -n "${MEAN[$key]:-}" ]] || { echo "–"; return; }
    awk -v m="${MEAN[$key]}" -v d="${MEDIAN[$key]}" -v f="${FASTEST[$key]}" \
        'BEGIN { printf "%.0f (%.0f, %.0f)", m * 1000, d * 1000, f * 1000 }'
}

mib() {
    [[ -n "${PEAK[$1]:-}" ]] || { echo "–"; return; }
    awk -v k="${PEAK[$1]}" 'BEGIN { printf "%.0f", k / 1024 }'
}

ratio() {
    [[ -n "${MEAN[$1]:-}" && -n "${MEAN[$2]:-}" ]] || { echo "–"; return; }
    awk -v a="${MEAN[$1]}" -v b="${MEAN[$2]}" 'BEGIN { printf "%.1f×", a / b }'
}
