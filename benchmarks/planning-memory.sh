#!/bin/bash
# Server memory while the planning indicators and conflicts are computed at start-up (docs/planning.md, "Memory").
# Starts the Release server of this checkout on a GeoPackage, samples VmRSS/VmHWM every 10 s, and notes when
# /indicators first answers 200 (the first computation finished) and the RSS after it has sat idle.
#
#   dotnet build src/TileServer -c Release -p:BuildViewer=false
#   benchmarks/planning-memory.sh /tmp/bench6-data/scale.gpkg [seconds=120] [port=28230]
#
# Extra environment (e.g. DOTNET_gcServer=0) is passed to the server unchanged.
set -euo pipefail
gpkg=${1:?usage: planning-memory.sh FILE.gpkg [seconds] [port]}
seconds=${2:-120}
port=${3:-28230}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log=$(mktemp)
dotnet src/TileServer/bin/Release/net10.0/TileServer.dll serve --urls "http://127.0.0.1:$port" \
  "--TileServer:Sources:sample:Path=$gpkg" --TileServer:Sources:sample:GenerateSampleIfMissing=false >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
kb() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$pid/status"; }
echo "date $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, file $gpkg"
echo "seconds rss_mb hwm_mb indicators"
start=$(date +%s)
ready=""
while :; do
  elapsed=$(( $(date +%s) - start ))
  [ "$elapsed" -gt "$seconds" ] && break
  kill -0 $pid 2>/dev/null || { echo "server exited:"; cat "$log"; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/indicators" || true)
  if [ -z "$ready" ] && [ "$code" = 200 ]; then ready=$elapsed; fi
  echo "$elapsed $(kb VmRSS) $(kb VmHWM) $code"
  sleep 10
done
echo "first computation done after ${ready:-more than $seconds} s; peak (VmHWM) $(kb VmHWM) MB; RSS at the end $(kb VmRSS) MB"
