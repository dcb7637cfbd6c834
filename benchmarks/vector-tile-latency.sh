#!/usr/bin/env bash
# Server MVT latency against the bare database query, per tile, on one machine in one run.
#
# For each tile of a list (z8–z16 around 平泉's seat and 二连浩特's seat) it measures RUNS times:
#   bare      — the server's own ST_AsMVT statement, sent by pgbench as a prepared statement over one warm
#               connection with the server's parameters, timed on the client (pgbench's per-transaction log):
#               what any client pays for the bare SELECT, planning and result transfer included;
#   bare (pg) — the same statement's "execute" duration in PostgreSQL's log (log_min_duration_statement = 0):
#               execution alone, without bind/planning or the transfer, for reference;
#   db        — GET /tiles/... on a server with PreferDatabaseTiles=true and no tile cache;
#   proc      — GET /tiles/... on a server encoding in process from PostGIS WKB (PreferDatabaseTiles=false).
# HTTP requests go over one kept-alive connection with Accept-Encoding: gzip, as a map client sends them (curl
# with the URL repeated; the first request, which opens the connection, is dropped). Until 2026-12-07 each request
# opened a new connection, which added about 1 ms to every tile that no server-side change could remove.
# Needs: TILESERVER_POSTGIS pointing at a database loaded by `tileserver import` (a superuser, to set the
# logging), TILESERVER_PG_LOG (the server log; scripts/services/postgres.sh exports both), a Release build
# of the host, psql, pgbench (Debian postgresql-15), curl and python3. Prints medians per tile, the ratios
# to the bare query, and the sums over the list; see docs/benchmarks.md.
# HOST=path/to/TileServer.dll measures another build (e.g. a copy of an earlier commit's bin, for before/after in
# one session); PORTS="a b" moves the two servers off 18081/18082.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TILESERVER_POSTGIS:?set TILESERVER_POSTGIS}"
host=${HOST:-src/TileServer/bin/Release/net10.0/TileServer.dll}
read -r db_port proc_port <<<"${PORTS:-18081 18082}"
layers=${LAYERS:-ghyd}
runs=${RUNS:-15}
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1)
[ -x "$pgbench" ] || { echo "pgbench not found (apt-get install postgresql-15)" >&2; exit 1; }
work=$(mktemp -d)

conn_part() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$TILESERVER_POSTGIS"; }
export PGHOST=$(conn_part Host) PGPORT=$(conn_part Port) PGDATABASE=$(conn_part Database) PGUSER=$(conn_part Username) PGPASSWORD=$(conn_part Password)

tiles=$(python3 - <<'PY'
import math
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return z, x, y
for z in (8, 10, 12, 14, 16):
    for lon, lat in ((118.70, 41.01), (118.62, 40.98), (111.98, 43.65)):
        print("%d/%d/%d" % tile(lon, lat, z))
PY
)

start_server() { # port, extra args
  local port=$1; shift
  dotnet "$host" --urls "http://127.0.0.1:$port" --TileServer:Cache:MemoryMegabytes=0 --TileServer:Cache:Redis= "$@" >/dev/null 2>&1 &
  echo $!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.5; done
}
db_pid=$(TILESERVER_REDIS= start_server "$db_port" --TileServer:VectorTiles:PreferDatabaseTiles=true | tail -1)
proc_pid=$(TILESERVER_REDIS= start_server "$proc_port" --TileServer:VectorTiles:PreferDatabaseTiles=false | tail -1)
trap 'kill $db_pid $proc_pid 2>/dev/null || true; rm -rf "$work"' EXIT
# Each server starts the planning computation (docs/planning.md) in the background: wait until both are idle
# (under 50 ms of CPU in a second) so that it does not share the cores with the measurement.
wait_idle() {
  local hz before after _
  hz=$(getconf CLK_TCK)
  for _ in $(seq 1 120); do
    before=$(awk '{print $14 + $15}' "/proc/$1/stat")
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$1/stat")
    [ $(( (after - before) * 1000 / hz )) -lt 50 ] && return 0
  done
}
wait_idle "$db_pid"; wait_idle "$proc_pid"

: "${TILESERVER_PG_LOG:?set TILESERVER_PG_LOG}"
psql -qAt -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "ALTER SYSTEM SET log_statement = 'none'" -c "SELECT pg_reload_conf()" >/dev/null
trap 'kill $db_pid $proc_pid 2>/dev/null || true; rm -rf "$work"; psql -qAt -c "ALTER SYSTEM RESET log_min_duration_statement" -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null' EXIT
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# Times of RUNS requests of one URL over one kept-alive connection, in ms, one per line.
keep_alive() {
  local args=() i
  for i in $(seq 0 "$runs"); do args+=(-o /dev/null "$1"); done
  curl -s -H 'Accept-Encoding: gzip' -w '%{time_total}\n' "${args[@]}" | tail -n +2 | awk '{printf "%.3f\n", $1 * 1000}'
}
# The last logged execution of the tile statement, as a pgbench script ($n -> :pn) and -D arguments.
bare_script() {
  python3 - "$1" "$work/tile.sql" "$work/tile.args" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
runs = list(re.finditer(r"execute [^:]+: (WITH bounds.*?)\n\S+ \S+ \S+ \[\d+\] DETAIL:  parameters: ([^\n]*)", log, re.S))
if not runs:
    sys.exit(1)
sql, params = runs[-1].group(1), dict(re.findall(r"\$(\d+) = '([^']*)'", runs[-1].group(2)))
open(sys.argv[2], "w").write(re.sub(r"\$(\d+)", r":p\1", " ".join(sql.split())) + ";\n")
open(sys.argv[3], "w").write(" ".join(f"-D p{k}={v}" for k, v in params.items()))
PY
}
# Client-side latency of the bare statement: prepared, one connection, the first 5 runs (PostGIS loading into the
# new backend, custom plans before the plan cache settles) dropped, as the server's pooled connections are warm.
bare_client() {
  (cd "$work" && rm -f pgbench_log.* && "$pgbench" -n -M prepared -t "$((runs + 5))" -l -f tile.sql $(cat tile.args) >/dev/null 2>&1 &&
    tail -q -n +6 pgbench_log.* | awk '{printf "%.3f\n", $3 / 1000}')
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
printf 'zoom tile bare_ms bare_pg_ms db_ms proc_ms db/bare proc/bare\n'
sum_bare=0; sum_db=0; sum_proc=0
for t in $tiles; do
  z=${t%%/*}
  for port in "$db_port" "$proc_port"; do for _ in 1 2 3 4; do curl -s -o /dev/null "http://127.0.0.1:$port/tiles/$layers/$t.mvt"; done; done # warm the plans and auto-prepare
  log_start=$(stat -c %s "$TILESERVER_PG_LOG")
  mapfile -t db < <(keep_alive "http://127.0.0.1:$db_port/tiles/$layers/$t.mvt")
  sleep 0.2
  tail -c +"$((log_start + 1))" "$TILESERVER_PG_LOG" >"$work/log"
  mapfile -t bare_pg < <(sed -n 's/.*duration: \([0-9.]*\) ms  execute.*ST_TileEnvelope.*/\1/p' "$work/log")
  bare=()
  if bare_script "$work/log"; then mapfile -t bare < <(bare_client); fi
  mapfile -t proc < <(keep_alive "http://127.0.0.1:$proc_port/tiles/$layers/$t.mvt")
  b=$(median "${bare[@]:-0}"); d=$(median "${db[@]}"); p=$(median "${proc[@]}")
  printf '%s %s %s %s %s %s %s %s\n' "$z" "$t" "$b" "$(median "${bare_pg[@]:-0}")" "$d" "$p" "$(ratio "$d" "$b")" "$(ratio "$p" "$b")"
  if [ "$b" != 0 ]; then
    sum_bare=$(awk -v a="$sum_bare" -v b="$b" 'BEGIN {print a + b}'); sum_db=$(awk -v a="$sum_db" -v b="$d" 'BEGIN {print a + b}'); sum_proc=$(awk -v a="$sum_proc" -v b="$p" 'BEGIN {print a + b}')
  fi
done
printf 'sum over the tiles with a statement: bare %.2f ms, db %.2f ms (%.2f), proc %.2f ms (%.2f)\n' "$sum_bare" "$sum_db" \
  "$(awk -v a="$sum_db" -v b="$sum_bare" 'BEGIN {print a / b}')" "$sum_proc" "$(awk -v a="$sum_proc" -v b="$sum_bare" 'BEGIN {print a / b}')"
