#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Installs a Stratum build into a throw-away DESTDIR and uses it the way an application does.
# Arguments come from tests/e2e/install/CMakeLists.txt. Every run starts afresh under --work;
# the build's compiler launcher (ccache), if any, makes the parent project's second compilation
# of the library cheap.
set -euo pipefail

launcher="" shared=ON
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) build="$2" ;;        --source) source="$2" ;;
        --work) work="$2" ;;          --generator) generator="$2" ;;
        --libdir) libdir="$2" ;;      --includedir) includedir="$2" ;;
        --version) version="$2" ;;    --soversion) soversion="$2" ;;
        --launcher) launcher="$2" ;;  --shared) shared="$2" ;;
        *) echo "install.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift 2
done

failures=0
step() { printf -- '-- %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
expect_equal() {   # what, expected, actual
    [[ "$2" == "$3" ]] || fail "$1: expected '$2', got '$3'"
}
# Runs a command with its output in a log; on failure shows the log and stops.
logged() {
    local log="$1"; shift
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        printf 'FAIL: %s\n' "$*" >&2
        exit 1
    fi
}
configure() {   # source dir, build dir, cmake arguments...
    local from="$1" to="$2"; shift 2
    logged "$to.configure.log" cmake -S "$from" -B "$to" -G "$generator" \
        ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} "$@"
}

mkdir -p "$work"
dest="$work/destdir"
prefix="$dest/usr"
rm -rf "$dest" "$work/headers" "$work/embedded" "$work/parent"

step "cmake --install into DESTDIR $dest (prefix /usr)"
logged "$work/install.log" env DESTDIR="$dest" cmake --install "$build" --prefix /usr

# --- the installed tree -------------------------------------------------------------------------
lib="$prefix/$libdir/libstratum-core.so"
if [[ "$shared" == ON ]]; then
    [[ -f "$lib.$version" && ! -L "$lib.$version" ]] || fail "no library file $lib.$version"
    expect_equal "$lib.$soversion" "libstratum-core.so.$version" "$(readlink "$lib.$soversion" || true)"
    expect_equal "$lib" "libstratum-core.so.$soversion" "$(readlink "$lib" || true)"
    soname="$(readelf -d "$lib.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
    expect_equal "SONAME" "libstratum-core.so.$soversion" "$soname"
    needed="$(readelf -d "$lib.$version" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
    [[ "$needed" != *Qt6Gui* && "$needed" != *Qt6Widgets* ]] || fail "libstratum-core needs a GUI library: $needed"
    step "SONAME $soname; needs $needed"
else
    [[ -f "$prefix/$libdir/libstratum-core.a" ]] || fail "no static library $libdir/libstratum-core.a"
    [[ ! -e "$lib" ]] || fail "a static build installed $lib"
    step "static library $libdir/libstratum-core.a"
fi
for file in "$includedir/stratum/error.h" "$includedir/stratum/version.h" \
            "$includedir/stratum/commands/embedded.h" \
            "$libdir/cmake/Stratum/StratumConfig.cmake" \
            "$libdir/cmake/Stratum/StratumConfigVersion.cmake" \
            "$libdir/cmake/Stratum/StratumTargets.cmake"; do
    [[ -f "$prefix/$file" ]] || fail "not installed: $file"
done
grep -q "#define STRATUM_VERSION \"$version\"" "$prefix/$includedir/stratum/version.h" ||
    fail "version.h does not define STRATUM_VERSION \"$version\""

# Public headers only: no *_p.h, and every "..." or <stratum/...> include resolves in the tree.
headers_root="$prefix/$includedir"
private="$(find "$headers_root/stratum" -name '*_p.h')"
[[ -z "$private" ]] || fail "private headers installed: $private"
while IFS= read -r header; do
    while IFS= read -r included; do
        [[ -f "$headers_root/$included" || -f "$(dirname "$header")/$included" ]] ||
            fail "${header#"$headers_root"/} includes $included, which is not installed"
    done < <(sed -n -e 's/^#include "\([^"]*\)".*/\1/p' -e 's/^#include <\(stratum\/[^>]*\)>.*/\1/p' "$header")
done < <(find "$headers_root/stratum" -name '*.h')
step "$(find "$headers_root/stratum" -name '*.h' | wc -l) public headers, no private one"

step "Compiling each installed header alone against the installed package"
configure "$source/tests/e2e/install/headers" "$work/headers" -DCMAKE_PREFIX_PATH="$prefix"
logged "$work/headers.build.log" cmake --build "$work/headers" --parallel 2
grep -q "Stratum_DIR:PATH=$prefix/$libdir/cmake/Stratum" "$work/headers/CMakeCache.txt" ||
    fail "find_package(Stratum) did not find the installed package"

# --- examples/embedded against the installed package ---------------------------------------------
step "Building examples/embedded against $prefix"
configure "$source/examples/embedded" "$work/embedded" -DCMAKE_PREFIX_PATH="$prefix"
logged "$work/embedded.build.log" cmake --build "$work/embedded" --parallel 2
app="$work/embedded/embedded-notes"
resolved="$(LD_LIBRARY_PATH="$prefix/$libdir" ldd "$app" | awk '/libstratum-core/ {print $3}')"
if [[ "$shared" == ON ]]; then
    expect_equal "libstratum-core of embedded-notes" "$(realpath "$lib.$soversion")" "$(realpath -q "$resolved" || true)"
else
    expect_equal "libstratum-core of embedded-notes (linked in)" "" "$resolved"
fi

db="$work/embedded/notes.db"
first="$(LD_LIBRARY_PATH="$prefix/$libdir" "$app" --database "$db" "A first note")" ||
    fail "embedded-notes failed on its first run"
printf '%s\n' "$first"
[[ "$first" == *"Applied upgrade  -> 4c1e9a7d2b30, Create notes table"* &&
   "$first" == *"Applied upgrade 4c1e9a7d2b30 -> 9f3b62e8a1c4, Add tags"* ]] ||
    fail "the first run did not apply both revisions"
second="$(LD_LIBRARY_PATH="$prefix/$libdir" "$app" --database "$db")" ||
    fail "embedded-notes failed on its second run"
printf '%s\n' "$second"
[[ "$second" == "Database is up to date."* && "$second" != *Applied* ]] ||
    fail "the second run did not find the database up to date"

sql() { sqlite3 -batch -noheader "$db" "$1"; }
expect_equal "tables" "alembic_version notes stratum_history tags" \
    "$(sql "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name" |
       tr '\n' ' ' | sed 's/ $//')"
expect_equal "alembic_version" "9f3b62e8a1c4" "$(sql 'SELECT version_num FROM alembic_version')"
expect_equal "stratum_history rows" "2" "$(sql 'SELECT COUNT(*) FROM stratum_history')"
expect_equal "tool version in stratum_history" "$version" "$(sql 'SELECT DISTINCT tool_version FROM stratum_history')"
expect_equal "notes" "A first note" "$(sql 'SELECT body FROM notes')"

# --- a parent project with add_subdirectory(stratum) ---------------------------------------------
step "Building tests/e2e/install/parent, which adds Stratum with add_subdirectory"
parent="$work/parent"
configure "$source/tests/e2e/install/parent" "$parent" -DSTRATUM_SOURCE_DIR="$source" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
logged "$parent.build.log" cmake --build "$parent" --parallel 2
expect_equal "parent-app output" "stratum $version: postgresql://app:***@db/prod" "$("$parent/parent-app")"
command="$(grep -o '"command": "[^"]*install/parent/main.cpp"' "$parent/compile_commands.json" || true)"
[[ -n "$command" ]] || fail "no compile command for the parent's main.cpp"
definitions="$(grep -o -- '-D[A-Za-z_0-9]*' <<<"$command" | sort -u | tr '\n' ' ' || true)"
for definition in $definitions; do
    [[ "$definition" == -DQT_*_LIB || "$definition" == -DQT_NO_DEBUG ]] ||
        fail "the parent's code is compiled with $definition"
done
step "the parent's main.cpp is compiled with: ${definitions:-no definitions}"
expect_equal "tests the parent gets" "0" \
    "$(ctest --test-dir "$parent" -N | sed -n 's/^Total Tests: //p')"
[[ ! -e "$parent/CPackConfig.cmake" ]] || fail "Stratum set up CPack in its parent"
[[ ! -e "$parent/stratum/app/cli" ]] || fail "Stratum built its command line in its parent"

if [[ $failures -gt 0 ]]; then
    printf '%d check(s) failed\n' "$failures" >&2
    exit 1
fi
step "all checks passed"
