# shellcheck shell=bash
# A throwaway PostgreSQL 15 + PostGIS 3 cluster for the integration tests, meant to be SOURCED:
#
#   . scripts/services/postgres.sh && dotnet test tests/TileServer.Sources.PostGis.Tests; postgres_stop
#
# On a fresh Debian 12 machine (as root) it installs postgresql-15 and postgresql-15-postgis-3 when
# missing, then runs initdb as an unprivileged OS user (PostgreSQL refuses to run as root) in a
# mktemp -d directory, on a free port of 127.0.0.1 only, and creates a database with the postgis
# extension. It exports:
#   TILESERVER_POSTGIS        Npgsql connection string (superuser of the throwaway cluster)
#   TILESERVER_PG_CTL         pg_ctl binary plus "-D <datadir>" (append start/stop/... yourself)
#   TILESERVER_PG_LOG         the server log file (pass as "-l" when starting again)
#   TILESERVER_PG_OS_USER     the OS user pg_ctl must run as (tests running as root use runuser)
# and defines postgres_stop (stop, delete everything), postgres_start_again and postgres_kill
# (immediate shutdown, i.e. an outage). Sourcing it twice reuses the running cluster.
# The caller's shell options are left alone: no set -e here, failures "return 1".

_pg_log() { printf '[postgres.sh] %s\n' "$*" >&2; }

_pg_bindir() {
  local dir=/usr/lib/postgresql/15/bin
  [ -x "$dir/initdb" ] && printf '%s\n' "$dir"
}

_pg_has_postgis() { [ -f /usr/share/postgresql/15/extension/postgis.control ]; }

_pg_install() {
  if [ -n "$(_pg_bindir)" ] && _pg_has_postgis; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    _pg_log "postgresql-15 / postgresql-15-postgis-3 missing and not root: install them first"
    return 1
  fi
  _pg_log "installing postgresql-15 postgresql-15-postgis-3"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >/dev/null ||
    { _pg_log "apt-get install failed"; return 1; }
}

# Runs a command as the cluster's OS user (root cannot run the server: postgres refuses uid 0).
_pg_as_owner() {
  if [ "$(id -un)" = "$TILESERVER_PG_OS_USER" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$TILESERVER_PG_OS_USER" -- "$@"
  else
    su -s /bin/sh "$TILESERVER_PG_OS_USER" -c "$(printf '%q ' "$@")"
  fi
}

_pg_port_is_free() {
  # Nothing accepting on the port; a race with another process is handled by retrying the start.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_pg_running() {
  [ -n "${TILESERVER_PG_DIR:-}" ] && [ -d "$TILESERVER_PG_DIR/data" ] &&
    _pg_as_owner "$(_pg_bindir)/pg_ctl" -D "$TILESERVER_PG_DIR/data" status >/dev/null 2>&1
}

postgres_start_again() {
  _pg_as_owner $TILESERVER_PG_CTL start -w -t 30 -l "$TILESERVER_PG_LOG" >/dev/null
}

postgres_kill() {
  # Immediate mode: the postmaster and every backend quit without a checkpoint, as in a crash.
  _pg_as_owner $TILESERVER_PG_CTL stop -m immediate -w >/dev/null
}

postgres_stop() {
  if [ -n "${TILESERVER_PG_DIR:-}" ] && [ -d "$TILESERVER_PG_DIR" ]; then
    if [ -f "$TILESERVER_PG_DIR/data/postmaster.pid" ]; then
      _pg_as_owner $TILESERVER_PG_CTL stop -m fast -w >/dev/null 2>&1 ||
        _pg_as_owner $TILESERVER_PG_CTL stop -m immediate -w >/dev/null 2>&1
    fi
    rm -rf "$TILESERVER_PG_DIR"
  fi
  unset TILESERVER_POSTGIS TILESERVER_PG_CTL TILESERVER_PG_LOG TILESERVER_PG_DIR TILESERVER_PG_PORT
}

_pg_start_cluster() {
  local bin dir password port database=tileserver superuser=tileserver
  bin=$(_pg_bindir)
  if [ "$(id -u)" -eq 0 ]; then
    export TILESERVER_PG_OS_USER=postgres
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres || return 1
  else
    export TILESERVER_PG_OS_USER
    TILESERVER_PG_OS_USER=$(id -un)
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/tileserver-pg.XXXXXX") || return 1
  chmod 0755 "$dir"
  chown "$TILESERVER_PG_OS_USER" "$dir"
  export TILESERVER_PG_DIR=$dir TILESERVER_PG_LOG=$dir/server.log
  export TILESERVER_PG_CTL="$bin/pg_ctl -D $dir/data"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  chown "$TILESERVER_PG_OS_USER" "$dir/pwfile"
  chmod 0600 "$dir/pwfile"

  # Local socket: trust (only this script uses it, the socket lives in the private temp dir).
  # TCP: SCRAM with a random password, as a real deployment would.
  _pg_as_owner "$bin/initdb" -D "$dir/data" -U "$superuser" --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { _pg_log "initdb failed: $(tail -n 3 "$dir/initdb.log")"; postgres_stop; return 1; }
  rm -f "$dir/pwfile"

  # Durability is worthless for a throwaway cluster and costs the tests time (postgresql.org docs,
  # "Non-Durable Settings").
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF

  local attempt started=""
  port=$((54320 + RANDOM % 1000))
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    while ! _pg_port_is_free "$port"; do port=$((port + 1)); done
    sed -i '/^port = /d' "$dir/data/postgresql.conf"
    echo "port = $port" >>"$dir/data/postgresql.conf"
    if _pg_as_owner $TILESERVER_PG_CTL start -w -t 30 -l "$TILESERVER_PG_LOG" >/dev/null 2>&1; then
      started=1
      break
    fi
    port=$((port + 1))
  done
  [ -n "$started" ] || { _pg_log "could not start: $(tail -n 5 "$TILESERVER_PG_LOG")"; postgres_stop; return 1; }
  export TILESERVER_PG_PORT=$port

  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U "$superuser")
  _pg_as_owner "${psql[@]}" -d postgres -c "CREATE DATABASE $database" >/dev/null &&
    _pg_as_owner "${psql[@]}" -d "$database" -c "CREATE EXTENSION postgis" >/dev/null ||
    { _pg_log "could not create the postgis database"; postgres_stop; return 1; }

  export TILESERVER_POSTGIS="Host=127.0.0.1;Port=$port;Database=$database;Username=$superuser;Password=$password"
  _pg_log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') with PostGIS on 127.0.0.1:$port (data in $dir)"
}

if _pg_running && [ -n "${TILESERVER_POSTGIS:-}" ]; then
  _pg_log "reusing the cluster on 127.0.0.1:${TILESERVER_PG_PORT:-?}"
else
  _pg_install && _pg_start_cluster
fi
