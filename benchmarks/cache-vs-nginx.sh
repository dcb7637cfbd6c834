#!/usr/bin/env bash
# Cached-tile throughput and p99 latency at 64 connections (wrk): TileServer serving hits from its memory tier,
# TileServer serving hits from Redis (memory tier off), and nginx serving the same tile bytes as static files,
# all on this machine in one run. Rounds alternate the three targets, so load from other processes hits all of
# them alike; compare the ratios of one run, not absolute numbers across runs. Each run also reports the CPU time the
# target's own processes used per request (from /proc: user + system, nginx's workers summed), which depends much
# less on what else the machine is doing than requests/s does.
#
# Needs: dotnet, wrk and nginx (Debian packages), curl, python3; Redis from scripts/services/redis.sh (started and
# stopped here when TILESERVER_REDIS is not set). Env: DURATION (s per run, 10), ROUNDS (2), TILES (count, 300),
# CONNECTIONS (64), THREADS (2), NO_BUILD=1 to reuse the Release build, SAMPLE=FILE.gpkg to reuse a generated sample
# (read only), BEFORE_HOST=path/to/TileServer.dll (with BEFORE_ARGS) to add a fourth target "before": a memory-tier
# server of another build, e.g. the previous commit's, measured in the same rounds. Prints a Markdown table for
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=${DURATION:-10}
rounds=${ROUNDS:-2}
count=${TILES:-300}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
host=src/TileServer/bin/Release/net10.0/TileServer.dll
work=$(mktemp -d /tmp/tileserver-bench-XXXXXX)
chmod 755 "$work"
pids=()
started_redis=0

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$started_redis" = 1 ]; then redis_stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "not answering: $1" >&2; return 1; }

[ "${NO_BUILD:-0}" = 1 ] || dotnet build src/TileServer -c Release -v quiet -nologo >/dev/null
if [ -z "${TILESERVER_REDIS:-}" ]; then . scripts/services/redis.sh >/dev/null; started_redis=1; fi

if [ -n "${SAMPLE:-}" ]; then
  sample=$(realpath "$SAMPLE")
else
  echo "generating the sample …" >&2
  sample="$work/sample.gpkg"
  dotnet "$host" sample --output "$sample" >/dev/null
fi

# Tiles of ghyd around 平泉's seat at z12–z15 (non-empty ones are kept below).
python3 - "$count" > "$work/candidates.txt" <<'PY'
import math, sys
count = int(sys.argv[1])
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return x, y
out = []
for z in (12, 13, 14, 15):
    cx, cy = tile(118.70, 41.01, z)
    r = 0
    while len(out) < count * (z - 11) // 4 and r < 40:
        for x in range(cx - r, cx + r + 1):
            for y in range(cy - r, cy + r + 1):
                if max(abs(x - cx), abs(y - cy)) == r:
                    out.append("/tiles/ghyd/%d/%d/%d.mvt" % (z, x, y))
        r += 1
print("\n".join(out[:count * 2]))
PY

start_server() { # port, extra args; echoes the pid (SERVER_DLL overrides the host)
  dotnet "${SERVER_DLL:-$host}" --urls "http://127.0.0.1:$1" --TileServer:Sources:sample:Path="$sample" \
    --TILESERVER_POSTGIS= --Logging:LogLevel:Default=Warning "${@:2}" >"$work/server-$1.log" 2>&1 &
  echo $!
}

memory_port=$(free_port)
pids+=("$(start_server "$memory_port" --TILESERVER_REDIS= --TileServer:Cache:MemoryMegabytes=256)")
redis_port=$(free_port)
pids+=("$(start_server "$redis_port" --TILESERVER_REDIS="$TILESERVER_REDIS" --TileServer:Cache:MemoryMegabytes=0)")
before_port=
if [ -n "${BEFORE_HOST:-}" ]; then
  before_port=$(free_port)
  # shellcheck disable=SC2086 # BEFORE_ARGS is a list of arguments
  pids+=("$(SERVER_DLL="$BEFORE_HOST" start_server "$before_port" --TILESERVER_REDIS= --TileServer:Cache:MemoryMegabytes=256 ${BEFORE_ARGS:-})")
  wait_http "http://127.0.0.1:$before_port/health"
fi
wait_http "http://127.0.0.1:$memory_port/health"
wait_http "http://127.0.0.1:$redis_port/health"

# Warm both caches, keep the non-empty tiles, and write their bytes (as the server sends them without
# Accept-Encoding) below nginx's root.
mkdir -p "$work/www"
: > "$work/paths.txt"
while read -r path; do
  [ "$(wc -l < "$work/paths.txt")" -ge "$count" ] && break
  status=$(curl -s -o "$work/body" -w '%{http_code}' "http://127.0.0.1:$memory_port$path")
  [ "$status" = 200 ] || continue
  curl -fs -o /dev/null "http://127.0.0.1:$redis_port$path"
  [ -z "$before_port" ] || curl -fs -o /dev/null "http://127.0.0.1:$before_port$path"
  mkdir -p "$work/www$(dirname "$path")"
  cp "$work/body" "$work/www$path"
  echo "$path" >> "$work/paths.txt"
done < "$work/candidates.txt"
tiles=$(wc -l < "$work/paths.txt")
bytes=$(cat "$work/paths.txt" | sed "s#^#$work/www#" | xargs cat | wc -c)
for port in "$memory_port" "$redis_port"; do
  hit=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port$(head -1 "$work/paths.txt")" | tr -d '\r' | sed -n 's/^X-Cache: //Ip')
  [ "$hit" = HIT ] || { echo "port $port does not serve a hit after warming (X-Cache: $hit)" >&2; exit 1; }
done

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=10000;
  types { application/vnd.mapbox-vector-tile mvt; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    add_header Cache-Control "public, max-age=3600";
  }
}
CONF
chmod -R a+rwX "$work"
runuser -u nobody -- nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
pids+=($!)
wait_http "http://127.0.0.1:$nginx_port$(head -1 "$work/paths.txt")"

nginx_workers=$(pgrep -P "$(cat "$work/nginx/nginx.pid")" | tr '\n' ' ')
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$total"; }
ticks_per_second=$(getconf CLK_TCK)

run_wrk() { # name, port, pids of the target
  local before after
  before=$(cpu_ticks "${@:3}")
  wrk -t "$threads" -c "$connections" -d "${duration}s" --latency -s benchmarks/cycle-tiles.lua "http://127.0.0.1:$2" -- "$work/paths.txt" > "$work/wrk.txt"
  after=$(cpu_ticks "${@:3}")
  local rps p50 p99 errors requests cpu_us
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk.txt")
  cpu_us=$(( (after - before) * 1000000 / ticks_per_second / requests ))
  rps=$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" | tr '\n' ' ' || true)
  echo "$round $1 $rps $p50 $p99 $(cut -d' ' -f1 /proc/loadavg) $cpu_us ${errors:-}" | tee -a "$work/results.txt" >&2
}

echo "$tiles tiles ($bytes bytes), $connections connections, $threads wrk threads, ${duration}s per run, $rounds rounds" >&2
for round in $(seq 1 "$rounds"); do
  run_wrk nginx "$nginx_port" $nginx_workers
  run_wrk memory "$memory_port" "${pids[0]}"
  run_wrk redis "$redis_port" "${pids[1]}"
  [ -z "$before_port" ] || run_wrk before "$before_port" "${pids[2]}"
done

python3 - "$work/results.txt" "$tiles" "$bytes" "$connections" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def ms(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)
print(f"{sys.argv[2]} tiles of ghyd z12–15 ({int(sys.argv[3]) // 1024} KiB), {sys.argv[4]} connections")
print()
print("| round | target | requests/s | p50 ms | p99 ms | load avg | CPU µs/request | vs nginx |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
names = list(dict.fromkeys(row[1] for row in rows))
ratios = {name: [] for name in names if name != "nginx"}
cpu = {name: [] for name in names}
for n in sorted({int(row[0]) for row in rows}):
    group = [row[1:] for row in rows if int(row[0]) == n]
    nginx = float(group[0][1])
    for name, rps, p50, p99, load, cpu_us, *errors in group:
        cpu[name].append(int(cpu_us))
        ratio = float(rps) / nginx
        if name in ratios:
            ratios[name].append(ratio)
        note = " ".join(errors)
        print(f"| {n} | {name}{' (' + note + ')' if note else ''} | {float(rps):,.0f} | {ms(p50):.2f} | {ms(p99):.2f} | {load} | {cpu_us} | {ratio:.0%} |")
print()
for name, values in ratios.items():
    print(f"median {name}/nginx: {statistics.median(values):.0%}")
for name, values in cpu.items():
    print(f"median CPU per request, {name}: {statistics.median(values)} µs")
PY
