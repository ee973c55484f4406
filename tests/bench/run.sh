#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Runs every benchmark under tests/bench/ against a build (normally the release preset) and
# prints their markdown tables. `./packaging/dev bench` builds the release preset and calls this.
# The autogenerate benchmark also times today's Alembic where STRATUM_BENCH_ANCHOR names its
# checkouts (tests/bench/autogen/anchor.sh, docs/benchmarks.md).
#
#   tests/bench/run.sh BUILD_DIR
set -euo pipefail

build="$(realpath "${1:?usage: run.sh BUILD_DIR}")"
here="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"

echo "Stratum $("$build/app/cli/stratum" --version 2>/dev/null | head -n1 || echo '?'), $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2) build;" \
     "Alembic $(/usr/bin/python3 -c 'import alembic; print(alembic.__version__)') (Debian);" \
     "$(hyperfine --version)"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; $(. /etc/os-release && echo "$PRETTY_NAME")"
for bench in "$here"/*/bench.sh; do
    echo
    echo "## $(basename "$(dirname "$bench")")"
    echo
    bash "$bench" "$build"
done
