# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# The markdown tables of the autogenerate benchmark (sourced by bench.sh, not run): `report`
# prints them from what measure.sh stored. Needs $tables, $sizes, $work, $build and the labels.

# One row of the main table: LABEL, then a cell per engine from FUNCTION KEY_SUFFIX [ARG].
main_row() {
    local label="$1" fn="$2" suffix="$3" arg="${4:-}" engine cells=""
    for engine in "${ENGINES[@]}"; do
        if [[ -n "$arg" ]]; then cells+=" $("$fn" "$engine $tables $suffix" "$engine $tables $arg") |"
        else cells+=" $("$fn" "$engine $tables $suffix") |"; fi
    done
    echo "| $label |$cells"
}

main_table() {
    local anchor="$ANCHOR_LABEL" engine names="" rule=""
    for engine in "${ENGINES[@]}"; do names+=" ${ENGINE_NAME[$engine]} |"; rule+="---:|"; done
    echo "| $tables tables (10 columns, 2 indexes, 1 FK each): mean (median, fastest) [ms] |$names"
    echo "|---|$rule"
    main_row "Stratum \`check\`, cold: the schema files normalised" ms_spread "stratum cold"
    main_row "Stratum \`check\`, warm: schema files unchanged, normalised schema cached" ms_spread "stratum warm"
    main_row "Stratum \`check\`, one table edited before each run (exit 1)" ms_spread "stratum edit"
    main_row "${debian_alembic%%,*} (Debian), models reflected" ms_spread "alembic debian reflected"
    main_row "$anchor, models declared in models.py" ms_spread "anchor declared"
    main_row "$anchor, models declared, one table edited (exit 1)" ms_spread "anchor edit"
    main_row "$anchor, models reflected" ms_spread "anchor reflected"
    main_row "Stratum cold faster than $anchor declared by" ratio "anchor declared" "stratum cold"
    main_row "Stratum warm faster than $anchor declared by" ratio "anchor declared" "stratum warm"
    main_row "Stratum one table edited faster than $anchor edited by" ratio "anchor edit" "stratum edit"
    main_row "Stratum cold faster than $anchor reflected by" ratio "anchor reflected" "stratum cold"
    main_row "Stratum warm faster than $anchor reflected by" ratio "anchor reflected" "stratum warm"
}

# The first line Alembic printed for each of its cases.
alembic_phases() {
    awk '/^== / { key = substr($0, 4); next }
         /^alembic / && !(key in seen) { seen[key]; print "    " key ": " $0 }' "$work/runs.log"
}

growth_table() {
    local engine n key
    echo "| engine | tables | cold [ms] | cold per table [ms] | warm [ms] | warm per table [ms] | peak memory cold / warm [MiB] | $ANCHOR_LABEL declared [ms] | per table [ms] | peak memory [MiB] |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for engine in "${ENGINES[@]}"; do
        for n in $(tr ' ' '\n' <<<"$sizes" | sort -n); do
            key="$engine $n"
            echo "| ${ENGINE_NAME[$engine]} | $n | $(ms "$key stratum cold") | $(ms "$key stratum cold" "$n") |" \
                 "$(ms "$key stratum warm") | $(ms "$key stratum warm" "$n") |" \
                 "$(mib "$key stratum cold") / $(mib "$key stratum warm") |" \
                 "$(ms "$key anchor declared") | $(ms "$key anchor declared" "$n") | $(mib "$key anchor declared") |"
        done
    done
}

report() {
    echo "$("$stratum" --version 2>/dev/null | head -n1) ($(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2) build); $debian_alembic (Debian); $ANCHOR_NOTE"
    echo "Load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $((SECONDS / 60)) min $((SECONDS % 60)) s"
    echo
    main_table
    echo
    echo "Alembic's phases (first run of each case):"
    echo
    alembic_phases
    # Stratum's phases, one after the other (`check` reflects a server database in parallel
    # with building the desired schema); built with the tests (STRATUM_BUILD_TESTS=ON).
    local phases="$build/tests/bench/autogen/bench_autogen_phases" engine
    if [[ -x "$phases" ]]; then
        for engine in "${ENGINES[@]}"; do
            echo
            echo "Stratum's phases on ${ENGINE_NAME[$engine]} (\`bench_autogen_phases\`, cold, wall clock and client CPU):"
            echo
            "$phases" "$work/$engine-$tables/cold/stratum.ini" 5
        done
    fi
    [[ -n "$sizes" ]] || return 0
    echo
    growth_table
}
