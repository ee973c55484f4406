#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# The "one table edited" case of the autogenerate benchmark, run by hyperfine --prepare before
# each timed run: table TABLE of a schema file (sql) or of a models.py (models) gets one column
# with a name not used before (bench_edit_N, N counted in COUNTER), in place of the column the
# previous call added, so whatever was cached for that table no longer matches.
#
#   edit_table.sh sql|models FILE TABLE COUNTER
set -euo pipefail

kind="$1" file="$2" table="$3" counter="$4"
n=$(($(cat "$counter" 2>/dev/null || echo 0) + 1))
echo "$n" >"$counter"
case "$kind" in
    sql) after="CREATE TABLE $table (" line="    bench_edit_$n INTEGER," ;;
    models) after="$table = Table(\"$table\", metadata," line="    Column(\"bench_edit_$n\", Integer)," ;;
    *) echo "edit_table.sh: expected sql or models, not '$kind'" >&2; exit 2 ;;
esac
awk -v after="$after" -v line="$line" '
    /^    (Column\("bench_edit_|bench_edit_)[0-9]/ { next }
    { print }
    $0 == after { print line; found = 1 }
    END { if (!found) { print "edit_table.sh: no line \"" after "\"" > "/dev/stderr"; exit 2 } }
' "$file" >"$file.new"
mv "$file.new" "$file"
