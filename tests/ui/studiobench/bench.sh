#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Times the studio on a 10,000-revision project (tests/bench/revisionmap/generate.py, seed 1):
#   - GraphLayout::compute on 10,000 revisions (tst_graphlayout's benchmark, QBENCHMARK walltime)
#   - repaints while scrolling (tst_studiobench)
#   - stratum-studio --first-paint: process start to the first paint of the laid-out graph
#     (offscreen platform), read + layout + scene included
# and prints a markdown table.
#
#   tests/ui/studiobench/bench.sh BUILD_DIR      (a Release build is what docs/benchmarks.md quotes)
set -euo pipefail

build="$(realpath "${1:?usage: bench.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
root="$(realpath "$here/../../..")"
studio="$build/app/studio/stratum-studio"
layout_test="$build/tests/ui/graphlayout/tst_graphlayout"
scroll_test="$build/tests/ui/studiobench/tst_studiobench"
revisions="${STRATUM_BENCH_REVISIONS:-10000}"
runs="${STRATUM_BENCH_RUNS:-10}"
work="$build/bench/studio-$revisions"
for tool in "$studio" "$layout_test" "$scroll_test"; do
    [[ -x "$tool" ]] || { echo "bench.sh: $tool is missing; build it first" >&2; exit 2; }
done

stamp="$(sha256sum "$root/tests/bench/revisionmap/generate.py" | cut -c1-16)-$revisions"
if [[ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "Generating $revisions revisions in $work" >&2
    rm -rf "$work"
    /usr/bin/python3 "$root/tests/bench/revisionmap/generate.py" "$work" --revisions "$revisions" --seed 1
    echo "$stamp" >"$work/stamp"
fi
project="$work/stratum"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config"

# Layout: QBENCHMARK's median-free walltime over several iterations.
layout_ms="$("$layout_test" benchmarkTenThousand -iterations 20 2>/dev/null \
             | awk '/msecs per iteration/ && !done { print $1; done = 1 }')"

# First paint: one warm-up run (page cache), then $runs runs.
"$studio" --first-paint "$project" >/dev/null 2>&1 || true
times=()
reads=()
layouts=()
for _ in $(seq "$runs"); do
    out="$("$studio" --first-paint "$project" 2>&1)"
    times+=("$(awk '/^first paint:/ { print $3 }' <<<"$out")")
    reads+=("$(awk '/^read:/ { print $2 }' <<<"$out")")
    layouts+=("$(awk '/^layout:/ { print $2 }' <<<"$out")")
done
median_of() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
median="$(printf '%s\n' "$sorted" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
min="$(printf '%s\n' "$sorted" | head -n1)"
max="$(printf '%s\n' "$sorted" | tail -n1)"

bench_out="$(STRATUM_BENCH_PROJECT="$project" "$scroll_test" 2>/dev/null)"
scroll="$(awk '/^scroll jump:/ { print }' <<<"$bench_out")"
select="$(awk '/^select jump:/ { print }' <<<"$bench_out")"
jump="$(awk '{ print $3 }' <<<"$scroll")"
worst="$(awk '{ print $8 }' <<<"$scroll")"
step="$(awk '{ print $12 }' <<<"$scroll")"

echo "| Measure ($revisions revisions) | Result |"
echo "|---|---:|"
echo "| DAG layout (GraphLayout::compute, tst_graphlayout's synthetic history), mean of 20 | ${layout_ms} ms |"
echo "| In the studio: read the 10,000 headers (Project::load), median of $runs | $(median_of "${reads[@]}") ms |"
echo "| In the studio: lay out the generated project, median of $runs | $(median_of "${layouts[@]}") ms |"
echo "| stratum-studio start to first paint of the graph, median of $runs | ${median} ms (min ${min}, max ${max}) |"
echo "| Repaint after jumping to 50 places in the history (mean, worst) | ${jump} ms, ${worst} ms |"
echo "| Repaint per wheel step (120 px), mean of 100 | ${step} ms |"
echo "| Select a revision anywhere (details, list, links, scroll, repaint), mean of 50, worst | $(awk '{ print $3 }' <<<"$select") ms, $(awk '{ print $6 }' <<<"$select") ms |"
echo "| Down key to the next row, with repaint, mean of 100 | $(awk '{ print $10 }' <<<"$select") ms |"
