#!/usr/bin/env bash
# Import rows/s end to end: `tileserver import` of a sample GeoPackage into a throwaway PostgreSQL/PostGIS,
# RUNS times per layer set, printing the importer's own summary line (rows, seconds, rows/s end to end and
# for the COPY alone, seconds per stage). Provisions PostgreSQL itself (scripts/services/postgres.sh) unless
# TILESERVER_POSTGIS is already set. SAMPLE=path to the GeoPackage (default data/sample.gpkg, generated when
# missing; use `tileserver sample --scale --output …` for the 2-million-parcel set). BASELINE=path to another
# build's TileServer.dll runs it alternately with this one, so both face the same machine load.
# Besides wall time it prints CPU seconds: the import process's (user+system, start-up included) and, when this
# script provisioned the cluster, the server's (every PostgreSQL process, parallel workers and checkpoints
# included). CPU time hardly depends on what else runs on the machine; wall time does. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${SAMPLE:-data/sample.gpkg}
layers=${LAYERS:-ghyd}
runs=${RUNS:-3}
host=src/TileServer/bin/Release/net10.0/TileServer.dll

dotnet build src/TileServer -c Release -nologo -v quiet >/dev/null
[ -f "$sample" ] || dotnet "$host" sample --output "$sample"
if [ -z "${TILESERVER_POSTGIS:-}" ]; then
  . scripts/services/postgres.sh
  trap postgres_stop EXIT
fi

# CPU seconds used so far by the cluster: the postmaster, its live children, and (cutime/cstime) the children it
# has reaped, i.e. the finished backends and parallel workers. Empty when the cluster is not ours.
server_cpu() {
  local pid_file=${TILESERVER_PG_DIR:-/nonexistent}/data/postmaster.pid postmaster
  [ -r "$pid_file" ] || return 0
  postmaster=$(head -n 1 "$pid_file")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for child in $(cat "/proc/$postmaster/task/$postmaster/children" 2>/dev/null); do
      awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true
    done
  } | awk -v hz="$(getconf CLK_TCK)" '{ticks += $1} END {printf "%.2f", ticks / hz}'
}

run_import() { # label dll
  local before after summary
  before=$(server_cpu)
  summary=$( { TIMEFORMAT='client CPU %U+%S s'; time dotnet "$2" import "$sample" --layers "$layers" --mode replace --to "$TILESERVER_POSTGIS" 2>&1; } 2>&1 |
    grep -E 'rows in|client CPU' | sed 's/^ *\[[0-9:]*\] //' | paste -sd ' ')
  after=$(server_cpu)
  echo "$1 (load $(cut -d' ' -f1 /proc/loadavg)): $summary${before:+; server CPU $(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.2f s", a - b}')}"
}

echo "sample $sample ($(du -h "$sample" | cut -f1)), layers $layers, $(nproc) cores"
for run in $(seq 1 "$runs"); do
  [ -z "${BASELINE:-}" ] || run_import "run $run baseline" "$BASELINE"
  run_import "run $run" "$host"
done
