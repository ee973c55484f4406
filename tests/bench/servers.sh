# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# Throw-away PostgreSQL and MariaDB servers for the benchmarks (sourced, not run). The data
# lives in a RAM disk where there is one (/dev/shm; STRATUM_BENCH_SERVER_DIR overrides) and is
# removed by bench_stop_servers, which callers set as their EXIT trap. On ext4 without a
# journal, as on the machine the figures come from, creating a file skips every inode freed in
# the last minutes one by one, so each run that creates and drops the files of a thousand
# indexed tables would slow down the next; a database server's disk has a journal and no such
# cost.
#
#   bench_postgres_url   prints STRATUM_TEST_PG_URL, or starts a server and prints its URL
#   bench_mariadb_url    prints STRATUM_TEST_MYSQL_URL, or starts a server and prints its URL
#   bench_stop_servers   stops what was started and removes its files
#
# The *_url functions must run in the calling shell (url="$(…)" would start the server in a
# subshell): they set BENCH_PG_URL / BENCH_MYSQL_URL.

BENCH_SERVER_DIR=""
BENCH_PG_DATA=""
BENCH_MARIADB_PID=""
BENCH_PG_URL=""
BENCH_MYSQL_URL=""

bench_server_dir() {
    [[ -n "$BENCH_SERVER_DIR" ]] && return
    local parent="${STRATUM_BENCH_SERVER_DIR:-/tmp}"
    [[ -z "${STRATUM_BENCH_SERVER_DIR:-}" && -d /dev/shm && -w /dev/shm ]] && parent=/dev/shm
    BENCH_SERVER_DIR="$(mktemp -d "$parent/stratum-bench-servers.XXXXXX")"
    chmod 711 "$BENCH_SERVER_DIR"   # the server users reach their folders inside
}

bench_free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    echo "servers.sh: no free TCP port on 127.0.0.1" >&2
    return 1
}

# Runs a command as user $1 when we are root (the servers refuse to run as root).
bench_as() {
    local user="$1"; shift
    if [[ $EUID -eq 0 ]]; then (cd "$BENCH_SERVER_DIR" && runuser -u "$user" -- "$@"); else "$@"; fi
}

bench_postgres_url() {
    if [[ -n "${STRATUM_TEST_PG_URL:-}" ]]; then BENCH_PG_URL="$STRATUM_TEST_PG_URL"; return; fi
    local bin=/usr/lib/postgresql/15/bin port dir pass
    bench_server_dir
    port="$(bench_free_port)"
    pass="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    dir="$BENCH_SERVER_DIR/postgres"
    install -d -m 700 "$dir"
    [[ $EUID -ne 0 ]] || chown postgres:postgres "$dir"
    bench_as postgres "$bin/initdb" -D "$dir/data" -U postgres --no-sync --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >"$dir/initdb.log"
    # As the test servers of packaging/dev: 1,000 indexed tables in one transaction need the
    # larger lock table.
    bench_as postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_locks_per_transaction=2048 \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    BENCH_PG_DATA="$dir/data"
    bench_as postgres "$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE bench LOGIN CREATEDB PASSWORD '$pass'" -c "CREATE DATABASE bench OWNER bench"
    BENCH_PG_URL="postgresql://bench:$pass@127.0.0.1:$port/bench"
}

bench_mariadb_url() {
    if [[ -n "${STRATUM_TEST_MYSQL_URL:-}" ]]; then BENCH_MYSQL_URL="$STRATUM_TEST_MYSQL_URL"; return; fi
    local port dir pass as_user=()
    bench_server_dir
    port="$(bench_free_port)"
    pass="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    dir="$BENCH_SERVER_DIR/mariadb"
    install -d -m 700 "$dir"
    if [[ $EUID -eq 0 ]]; then chown mysql:mysql "$dir"; as_user=(--user=mysql); fi
    mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$dir/data" \
        --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1
    setsid mariadbd --no-defaults "${as_user[@]}" --datadir="$dir/data" --socket="$dir/mariadb.sock" \
        --port="$port" --bind-address=127.0.0.1 --skip-networking=0 --skip-name-resolve \
        --pid-file="$dir/mariadbd.pid" --log-error="$dir/server.log" --skip-log-bin \
        --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=0 \
        --table-open-cache=20000 --table-definition-cache=20000 >/dev/null 2>&1 &   # 10,000 tables
    BENCH_MARIADB_PID=$!
    for _ in $(seq 300); do
        mariadb-admin --no-defaults --socket="$dir/mariadb.sock" -uroot ping >/dev/null 2>&1 && break
        kill -0 "$BENCH_MARIADB_PID" 2>/dev/null || { cat "$dir/server.log" >&2; return 1; }
        sleep 0.2
    done
    mariadb --no-defaults --socket="$dir/mariadb.sock" -uroot -e \
        "CREATE DATABASE bench; CREATE USER 'bench'@'%' IDENTIFIED BY '$pass';
         GRANT ALL PRIVILEGES ON *.* TO 'bench'@'%';"
    BENCH_MYSQL_URL="mysql://bench:$pass@127.0.0.1:$port/bench"
}

bench_stop_servers() {
    if [[ -n "$BENCH_PG_DATA" ]]; then
        bench_as postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$BENCH_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$BENCH_MARIADB_PID" ]]; then
        kill -TERM "$BENCH_MARIADB_PID" 2>/dev/null || true
        for _ in $(seq 150); do kill -0 "$BENCH_MARIADB_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$BENCH_MARIADB_PID" 2>/dev/null || true
    fi
    [[ -z "$BENCH_SERVER_DIR" ]] || rm -rf "$BENCH_SERVER_DIR"
}
