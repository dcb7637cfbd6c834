# shellcheck shell=bash
# Throwaway Redis for the test suite. SOURCE it (do not run it):
#
#   . scripts/services/redis.sh        # installs redis-server if missing, starts one on a free port
#   dotnet test tests/TileServer.Caching.Redis.Tests
#   redis_stop                          # shutdown nosave, removes the temp dir
#
# Exports:
#   TILESERVER_REDIS           host:port,password=…   (the connection string the server reads)
#   TILESERVER_REDIS_HOST, TILESERVER_REDIS_PORT, TILESERVER_REDIS_PASSWORD
#   TILESERVER_REDIS_SERVER    absolute path of redis-server, so a test can restart it itself:
#                              "$TILESERVER_REDIS_SERVER" "$TILESERVER_REDIS_CONFIG" (the config daemonizes)
#   TILESERVER_REDIS_CONFIG    the config file (same port, same password, no persistence)
#   TILESERVER_REDIS_PIDFILE   written by redis-server while it runs
#   TILESERVER_REDIS_DIR       the temp dir holding config, pidfile and log
# Defines: redis_stop, redis_start_again (same port and password; for outage tests).
#
# Options (environment, before sourcing): TILESERVER_REDIS_REQUIREPASS=0 starts it without a password.
#
# Idempotent: sourcing again while our server answers reuses it. Nothing is left behind: redis_stop
# removes the temp dir, and a watchdog shuts the server down if the sourcing shell exits without
# calling redis_stop. The script never changes the caller's shell options (it runs under set -euo pipefail).

_redis_log() { printf '[redis.sh] %s\n' "$*" >&2; }

_redis_install() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  _redis_log "installing redis-server (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null || {
    _redis_log "apt-get install redis-server failed"
    return 1
  }
  # The Debian package may start its own service on 6379 (unless policy-rc.d forbids it); we want only
  # our throwaway server, so stop it and keep it from starting at boot.
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now redis-server >/dev/null 2>&1 || true
  else
    if [ -x /etc/init.d/redis-server ]; then /etc/init.d/redis-server stop >/dev/null 2>&1 || true; fi
    if command -v update-rc.d >/dev/null 2>&1; then update-rc.d redis-server disable >/dev/null 2>&1 || true; fi
  fi
  local debian_pid
  debian_pid=$(cat /run/redis/redis-server.pid 2>/dev/null || true)
  if [ -n "$debian_pid" ] && kill -0 "$debian_pid" 2>/dev/null; then kill "$debian_pid" 2>/dev/null || true; fi
  return 0
}

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp; no extra tools).
_redis_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_redis_free_port() {
  local port attempt
  for attempt in $(seq 1 100); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! _redis_port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  _redis_log "no free port found after $attempt probes"
  return 1
}

_redis_cli() {
  # REDISCLI_AUTH keeps the password off the command line (and silences redis-cli's warning).
  REDISCLI_AUTH="${TILESERVER_REDIS_PASSWORD:-}" redis-cli -h 127.0.0.1 -p "$TILESERVER_REDIS_PORT" "$@"
}

_redis_answers() {
  [ "$(_redis_cli ping 2>/dev/null)" = "PONG" ]
}

_redis_write_config() {
  mkdir -p "$TILESERVER_REDIS_DIR"
  chmod 700 "$TILESERVER_REDIS_DIR"
  {
    echo "bind 127.0.0.1"
    echo "port $TILESERVER_REDIS_PORT"
    echo "protected-mode yes"
    echo "daemonize yes"
    echo "pidfile $TILESERVER_REDIS_PIDFILE"
    echo "logfile $TILESERVER_REDIS_DIR/redis.log"
    echo "dir $TILESERVER_REDIS_DIR"
    # No persistence: no RDB snapshots, no AOF; a restart starts empty.
    echo 'save ""'
    echo "appendonly no"
    echo "databases 16"
    if [ -n "$TILESERVER_REDIS_PASSWORD" ]; then echo "requirepass $TILESERVER_REDIS_PASSWORD"; fi
  } >"$TILESERVER_REDIS_CONFIG"
  chmod 600 "$TILESERVER_REDIS_CONFIG"
}

# Starts redis-server with our config and waits (up to 10 s) until it answers PING.
_redis_launch() {
  "$TILESERVER_REDIS_SERVER" "$TILESERVER_REDIS_CONFIG" >/dev/null 2>&1 || return 1
  local i
  for i in $(seq 1 100); do
    _redis_answers && return 0
    sleep 0.1
  done
  return 1
}

# Shuts our server down if the sourcing shell goes away without redis_stop.
_redis_start_watchdog() {
  local parent=$1 dir=$TILESERVER_REDIS_DIR pidfile=$TILESERVER_REDIS_PIDFILE
  (
    trap '' HUP
    while kill -0 "$parent" 2>/dev/null && [ -d "$dir" ]; do sleep 1; done
    if [ -d "$dir" ]; then
      pid=$(cat "$pidfile" 2>/dev/null || true)
      if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
      sleep 0.5
      rm -rf "$dir"
    fi
  ) </dev/null >/dev/null 2>&1 &
  _REDIS_WATCHDOG_PID=$!
  disown "$_REDIS_WATCHDOG_PID" 2>/dev/null || true
}

_redis_stop_watchdog() {
  if [ -n "${_REDIS_WATCHDOG_PID:-}" ]; then
    kill "$_REDIS_WATCHDOG_PID" 2>/dev/null || true
    _REDIS_WATCHDOG_PID=
  fi
}

# Stops the server without saving and waits until its process is gone (the port is then free again).
_redis_shutdown() {
  local pid i
  pid=$(cat "$TILESERVER_REDIS_PIDFILE" 2>/dev/null || true)
  _redis_cli shutdown nosave >/dev/null 2>&1 || true
  if [ -n "$pid" ]; then
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  return 0
}

redis_stop() {
  [ -n "${TILESERVER_REDIS_DIR:-}" ] || return 0
  _redis_stop_watchdog
  _redis_shutdown
  rm -rf "$TILESERVER_REDIS_DIR"
  return 0
}

# Starts the server again on the same port with the same password (after redis_stop or an outage test).
redis_start_again() {
  [ -n "${TILESERVER_REDIS_PORT:-}" ] || { _redis_log "redis_start_again: source scripts/services/redis.sh first"; return 1; }
  if _redis_answers; then return 0; fi
  _redis_write_config
  if ! _redis_launch; then
    _redis_log "redis-server did not start on 127.0.0.1:$TILESERVER_REDIS_PORT; log: $(tail -n 5 "$TILESERVER_REDIS_DIR/redis.log" 2>/dev/null)"
    return 1
  fi
  _redis_stop_watchdog
  _redis_start_watchdog "$BASHPID"
}

_redis_main() {
  # Idempotence: our server from an earlier sourcing still answers, so keep it.
  if [ -n "${TILESERVER_REDIS_DIR:-}" ] && [ -d "$TILESERVER_REDIS_DIR" ] && [ -n "${TILESERVER_REDIS_PORT:-}" ] &&
    command -v redis-cli >/dev/null 2>&1 && _redis_answers; then
    _redis_log "reusing redis-server on 127.0.0.1:$TILESERVER_REDIS_PORT"
    return 0
  fi
  _redis_install || return 1

  export TILESERVER_REDIS_HOST=127.0.0.1
  TILESERVER_REDIS_SERVER=$(command -v redis-server)
  export TILESERVER_REDIS_SERVER
  if [ "${TILESERVER_REDIS_REQUIREPASS:-1}" = "0" ]; then
    export TILESERVER_REDIS_PASSWORD=""
  else
    # Hex only: the connection string is comma/equals separated, so the password must avoid both.
    TILESERVER_REDIS_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    export TILESERVER_REDIS_PASSWORD
  fi

  local attempt
  for attempt in 1 2 3 4 5; do
    TILESERVER_REDIS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tileserver-redis.XXXXXX") || return 1
    export TILESERVER_REDIS_DIR
    export TILESERVER_REDIS_CONFIG="$TILESERVER_REDIS_DIR/redis.conf"
    export TILESERVER_REDIS_PIDFILE="$TILESERVER_REDIS_DIR/redis.pid"
    TILESERVER_REDIS_PORT=$(_redis_free_port) || return 1
    export TILESERVER_REDIS_PORT
    _redis_write_config
    if _redis_launch; then
      if [ -n "$TILESERVER_REDIS_PASSWORD" ]; then
        export TILESERVER_REDIS="127.0.0.1:$TILESERVER_REDIS_PORT,password=$TILESERVER_REDIS_PASSWORD"
      else
        export TILESERVER_REDIS="127.0.0.1:$TILESERVER_REDIS_PORT"
      fi
      _redis_start_watchdog "$BASHPID"
      _redis_log "redis-server $("$TILESERVER_REDIS_SERVER" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on 127.0.0.1:$TILESERVER_REDIS_PORT (dir $TILESERVER_REDIS_DIR)"
      return 0
    fi
    # Lost a race for the port (or another start failure): clean up and try another port.
    _redis_log "start attempt $attempt on port $TILESERVER_REDIS_PORT failed: $(tail -n 2 "$TILESERVER_REDIS_DIR/redis.log" 2>/dev/null)"
    _redis_shutdown
    rm -rf "$TILESERVER_REDIS_DIR"
  done
  unset TILESERVER_REDIS_DIR TILESERVER_REDIS_CONFIG TILESERVER_REDIS_PIDFILE TILESERVER_REDIS_PORT
  _redis_log "could not start redis-server"
  return 1
}

_redis_main
