# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Today's Alembic for the autogenerate benchmark (sourced by bench.sh, not run). The folder named
# by STRATUM_BENCH_ANCHOR holds checkouts of the public alembic/ and sqlalchemy/ repositories at
# release tags and a typing_extensions of at least 4.12 (docs/benchmarks.md says how to make it);
# Debian's /usr/bin/python3 runs them through PYTHONPATH. Nothing is written into that folder:
# SQLAlchemy's package is copied to DIR, its Cython extensions are compiled there where cython3
# and the Python headers are installed, and the bytecode goes to DIR/pycache.
#
#   anchor_prepare DIR   sets ANCHOR_ENV (the env arguments to run Python with the anchor; empty
#                        when it cannot run), ANCHOR_LABEL ("Alembic 1.19.1") and ANCHOR_NOTE (one
#                        line saying what was imported, or why the anchor is left out)

anchor_python=/usr/bin/python3

# Copies SQLAlchemy's package to $1/sqlalchemy and compiles its Cython extensions in the copy;
# done again only when the checkout or cython3 changed. Prints why there are no extensions.
anchor_build_sqlalchemy() {
    local dir="$1" lib="$STRATUM_BENCH_ANCHOR/sqlalchemy/lib/sqlalchemy" stamp include suffix pyx name
    stamp="$(realpath "$lib") $(stat -c %Y "$lib/__init__.py") $(cython3 --version 2>&1 || true)"
    if [[ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]]; then
        rm -rf "$dir"
        mkdir -p "$dir/c"
        cp -r "$lib" "$dir/sqlalchemy"
        include="$("$anchor_python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
        suffix="$("$anchor_python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
        if command -v cython3 >/dev/null && [[ -f "$include/Python.h" ]]; then
            echo "Compiling SQLAlchemy's Cython extensions in $dir" >&2
            for pyx in "$dir"/sqlalchemy/cyextension/*.pyx; do
                name="$(basename "$pyx" .pyx)"
                cython3 -3 -o "$dir/c/$name.c" "$pyx" >>"$dir/build.log" 2>&1 &&
                    gcc -O2 -shared -fPIC -I"$include" "$dir/c/$name.c" \
                        -o "${pyx%.pyx}$suffix" >>"$dir/build.log" 2>&1 ||
                    echo "cython3 or gcc failed on $name.pyx (see $dir/build.log)" >"$dir/why"
            done
        else
            echo "cython3 or python3-dev is not installed" >"$dir/why"
        fi
        echo "$stamp" >"$dir/stamp"
    fi
    cat "$dir/why" 2>/dev/null || true
}

anchor_prepare() {
    local dir="$1" anchor="${STRATUM_BENCH_ANCHOR:-}" part why versions
    ANCHOR_ENV=()
    ANCHOR_LABEL="Alembic (anchor)"
    local leave="Alembic anchor: left out" docs="see docs/benchmarks.md, Preparing the anchor"
    if [[ -z "$anchor" ]]; then
        ANCHOR_NOTE="$leave: STRATUM_BENCH_ANCHOR is not set ($docs)"
        return
    fi
    for part in alembic/alembic/__init__.py sqlalchemy/lib/sqlalchemy/__init__.py; do
        if [[ ! -f "$anchor/$part" ]]; then
            ANCHOR_NOTE="$leave: $anchor/$part is missing ($docs)"
            return
        fi
    done
    why="$(anchor_build_sqlalchemy "$dir")"
    # typing_extensions: a checkout of its repository, or the module file alone.
    rm -f "$dir/typing_extensions.py"
    for part in typing_extensions/src/typing_extensions.py typing_extensions.py; do
        [[ -f "$anchor/$part" ]] && { cp "$anchor/$part" "$dir/"; break; }
    done
    ANCHOR_ENV=(env "PYTHONPATH=$dir:$anchor/alembic" "PYTHONPYCACHEPREFIX=$dir/pycache")
    if ! versions="$("${ANCHOR_ENV[@]}" "$anchor_python" "$here/alembic_autogen.py" --versions 2>&1)"; then
        ANCHOR_ENV=()
        ANCHOR_NOTE="$leave: the anchor in $anchor does not import: $(tail -n1 <<<"$versions") ($docs)"
        return
    fi
    ANCHOR_LABEL="${versions%%,*}"
    ANCHOR_NOTE="Alembic anchor ($anchor): $versions${why:+ ($why)}"
}
