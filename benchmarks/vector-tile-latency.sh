#!/usr/bin/env bash
# Server MVT latency against the bare database query, per tile, on one machine in one run.
#
# For each tile of a list (z8–z16 around 平泉's seat and 二连浩特's seat) it measures, three times:
#   bare  — the server's own ST_AsMVT statement as PostgreSQL timed it (log_min_duration_statement = 0,
#           the "duration: … execute" lines of the requests below): the query without the server around it;
#   db    — GET /tiles/... on a server with PreferDatabaseTiles=true and no tile cache;
#   proc  — GET /tiles/... on a server encoding in process from PostGIS WKB (PreferDatabaseTiles=false).
# Needs: TILESERVER_POSTGIS pointing at a database loaded by `tileserver import` (a superuser, to set the
# logging), TILESERVER_PG_LOG (the server log; scripts/services/postgres.sh exports both), a Release build
# of the host, psql, curl and bc. Prints medians per zoom and the ratios; see docs/benchmarks.md.
# HOST=path/to/TileServer.dll measures another build (e.g. a copy of an earlier commit's bin, for before/after in
# one session); PORTS="a b" moves the two servers off 18081/18082.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TILESERVER_POSTGIS:?set TILESERVER_POSTGIS}"
host=${HOST:-src/TileServer/bin/Release/net10.0/TileServer.dll}
read -r db_port proc_port <<<"${PORTS:-18081 18082}"
layers=${LAYERS:-ghyd}
runs=${RUNS:-3}

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
trap 'kill $db_pid $proc_pid 2>/dev/null || true' EXIT
sleep 2

: "${TILESERVER_PG_LOG:?set TILESERVER_PG_LOG}"
psql -qAt -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "ALTER SYSTEM SET log_statement = 'none'" -c "SELECT pg_reload_conf()" >/dev/null
trap 'kill $db_pid $proc_pid 2>/dev/null || true; psql -qAt -c "ALTER SYSTEM RESET log_min_duration_statement" -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null' EXIT
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
printf 'zoom tile bare_ms db_ms proc_ms\n'
for t in $tiles; do
  z=${t%%/*}
  for port in "$db_port" "$proc_port"; do curl -s -o /dev/null "http://127.0.0.1:$port/tiles/$layers/$t.mvt"; done # warm the plans
  db=(); proc=()
  log_start=$(stat -c %s "$TILESERVER_PG_LOG")
  for _ in $(seq 1 "$runs"); do
    db+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$db_port/tiles/$layers/$t.mvt")")
  done
  sleep 0.2
  mapfile -t bare < <(tail -c +"$((log_start + 1))" "$TILESERVER_PG_LOG" | sed -n 's/.*duration: \([0-9.]*\) ms  execute.*ST_TileEnvelope.*/\1/p')
  for _ in $(seq 1 "$runs"); do
    proc+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$proc_port/tiles/$layers/$t.mvt")")
  done
  printf '%s %s %s %.2f %.2f\n' "$z" "$t" "$(median "${bare[@]:-0}")" "$(echo "$(median "${db[@]}") * 1000" | bc -l)" "$(echo "$(median "${proc[@]}") * 1000" | bc -l)"
done
