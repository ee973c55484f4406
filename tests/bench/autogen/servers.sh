# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Throw-away database servers for the autogenerate benchmark (sourced by bench.sh, not run): a
# PostgreSQL 15 and a MariaDB on 127.0.0.1 with their files in one folder, on a RAM disk where
# there is one (STRATUM_BENCH_PG_DIR overrides). On ext4 without a journal, as on the machine
# the figures come from, creating a file skips every inode freed in the last minutes one by one,
# so each run that creates and drops the 6,000 files of a thousand indexed tables slows down
# the next; a database server's disk has a journal and no such cost.
#
#   bench_servers_start pg|mariadb   sets BENCH_PG_URL or BENCH_MYSQL_URL
#   bench_servers_stop               stops what was started and removes its files (EXIT trap)

BENCH_SERVER_DIR=""
BENCH_MARIADB_PID=""

bench_server_dir() {
    [[ -n "$BENCH_SERVER_DIR" ]] && return
    local parent="${STRATUM_BENCH_PG_DIR:-/tmp}"
    [[ -z "${STRATUM_BENCH_PG_DIR:-}" && -d /dev/shm && -w /dev/shm ]] && parent=/dev/shm
    BENCH_SERVER_DIR="$(mktemp -d "$parent/stratum-bench.XXXXXX")"
    chmod 755 "$BENCH_SERVER_DIR"
}

# Runs a command as the given system user when we are root (neither server runs as root).
bench_as() {
    local user="$1"; shift
    if [[ $EUID -eq 0 ]]; then (cd "$BENCH_SERVER_DIR" && runuser -u "$user" -- "$@"); else "$@"; fi
}

bench_start_pg() {
    local dir="$BENCH_SERVER_DIR/pg" port=$((20000 + RANDOM % 40000))
    mkdir -p "$dir"
    [[ $EUID -ne 0 ]] || chown postgres "$dir"
    bench_as postgres /usr/lib/postgresql/15/bin/initdb -D "$dir/data" -U postgres --auth=trust >/dev/null
    bench_as postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/data" -l "$dir/log" -w start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_locks_per_transaction=2048 -c fsync=off" >/dev/null
    BENCH_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

bench_start_mariadb() {
    local dir="$BENCH_SERVER_DIR/mariadb" port=$((20000 + RANDOM % 40000)) user=()
    mkdir -p "$dir"
    [[ $EUID -ne 0 ]] || { chown mysql "$dir"; user=(--user=mysql); }
    mariadb-install-db --no-defaults "${user[@]}" --datadir="$dir/data" --skip-test-db \
        --auth-root-authentication-method=normal >"$dir/log" 2>&1
    setsid mariadbd --no-defaults "${user[@]}" --datadir="$dir/data" --socket="$dir/sock" \
        --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --skip-log-bin \
        --log-error="$dir/log" --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=0 \
        --table-open-cache=20000 --table-definition-cache=20000 >/dev/null 2>&1 &
    BENCH_MARIADB_PID=$!
    local tries=150
    until mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; do
        ((--tries > 0)) && kill -0 "$BENCH_MARIADB_PID" 2>/dev/null \
            || { echo "bench.sh: MariaDB did not start; see $dir/log" >&2; return 1; }
        sleep 0.2
    done
    mariadb --no-defaults --socket="$dir/sock" -uroot -e \
        "CREATE USER bench@'%' IDENTIFIED BY 'bench'; GRANT ALL PRIVILEGES ON *.* TO bench@'%';"
    BENCH_MYSQL_URL="mysql://bench:bench@127.0.0.1:$port/mysql"
}

bench_servers_start() {
    bench_server_dir
    case "$1" in
        pg) bench_start_pg ;;
        mariadb) bench_start_mariadb ;;
    esac
}

bench_servers_stop() {
    [[ -z "$BENCH_SERVER_DIR" ]] && return
    if [[ -f "$BENCH_SERVER_DIR/pg/data/postmaster.pid" ]]; then
        bench_as postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$BENCH_SERVER_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$BENCH_MARIADB_PID" ]]; then
        kill -TERM "$BENCH_MARIADB_PID" 2>/dev/null || true
        local tries=150
        while kill -0 "$BENCH_MARIADB_PID" 2>/dev/null && ((--tries > 0)); do sleep 0.2; done
        kill -KILL "$BENCH_MARIADB_PID" 2>/dev/null || true
    fi
    rm -rf "$BENCH_SERVER_DIR"
    BENCH_SERVER_DIR=""
}
