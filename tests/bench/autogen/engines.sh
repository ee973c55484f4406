# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# The three engines of the autogenerate benchmark (sourced by bench.sh, not run). Databases are
# named by the caller; on SQLite they are files in $work. Needs PG_URL and MYSQL_URL (any
# existing database of the server; others are created beside it) and $work.
#
#   engine_url ENGINE DB         Stratum's URL of database DB
#   engine_sa_url ENGINE DB      SQLAlchemy's URL of it (PyMySQL for MariaDB)
#   engine_load ENGINE DB FILE   (re)creates DB and runs the SQL of FILE in it
#   engine_drop ENGINE DB        drops DB
#   engine_settle ENGINE DB      waits for a server's clean-up after runs that normalised the
#                                schema on it, so that the next runs do not pay for it

read -r -a ENGINES <<<"${STRATUM_BENCH_ENGINES:-sqlite postgresql mysql}"
declare -A ENGINE_NAME=([sqlite]=SQLite [postgresql]=PostgreSQL [mysql]=MariaDB)

engine_url() {
    case "$1" in
        sqlite) echo "sqlite:///$work/$2.db" ;;
        postgresql) echo "${PG_URL%/*}/$2" ;;
        mysql) echo "${MYSQL_URL%/*}/$2" ;;
    esac
}

engine_sa_url() {
    local url
    url="$(engine_url "$@")"
    [[ "$1" == mysql ]] && url="mysql+pymysql://${url#mysql://}"
    echo "$url"
}

# The mariadb client's options for MYSQL_URL: mysql://USER:PASSWORD@HOST:PORT/DB.
mariadb_client() {
    local rest="${MYSQL_URL#mysql://}" auth host
    auth="${rest%%@*}" host="${rest#*@}"
    host="${host%%/*}"
    mariadb --no-defaults -u "${auth%%:*}" -p"${auth#*:}" -h "${host%%:*}" -P "${host##*:}" \
        --protocol=tcp "$@"
}

engine_drop() {
    case "$1" in
        sqlite) rm -f "$work/$2.db" ;;
        postgresql) psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $2" >/dev/null ;;
        mysql) mariadb_client -e "DROP DATABASE IF EXISTS $2" ;;
    esac
}

engine_load() {
    engine_drop "$1" "$2"
    case "$1" in
        sqlite) sqlite3 "$work/$2.db" <"$3" ;;
        postgresql)
            psql -q "$PG_URL" -c "CREATE DATABASE $2" >/dev/null
            psql -q -v ON_ERROR_STOP=1 "$(engine_url postgresql "$2")" -f "$3" >/dev/null ;;
        mysql)
            mariadb_client -e "CREATE DATABASE $2"
            mariadb_client "$2" <"$3" ;;
    esac
}

# PostgreSQL rolls back a cold run's thousand tables after it has ended and leaves them dead in
# the catalog, which slows down reflecting until they are vacuumed.
engine_settle() {
    [[ "$1" == postgresql ]] || return 0
    sleep 5
    psql -q "$(engine_url postgresql "$2")" -c VACUUM >/dev/null
}
