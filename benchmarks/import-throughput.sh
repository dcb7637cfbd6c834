#!/usr/bin/env bash
# Import rows/s end to end: `tileserver import` of a sample GeoPackage into a throwaway PostgreSQL/PostGIS,
# RUNS times per layer set, printing the importer's own summary line (rows, seconds, rows/s end to end and
# for the COPY alone). Provisions PostgreSQL itself (scripts/services/postgres.sh) unless TILESERVER_POSTGIS
# is already set. SAMPLE=path to the GeoPackage (default data/sample.gpkg, generated when missing; use
# `tileserver sample --scale --output …` for the 2-million-parcel set). Results: docs/benchmarks.md.
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

echo "sample $sample ($(du -h "$sample" | cut -f1)), layers $layers, $(nproc) cores"
for run in $(seq 1 "$runs"); do
  dotnet "$host" import "$sample" --layers "$layers" --mode replace --to "$TILESERVER_POSTGIS" 2>&1 | grep -E 'rows in' | sed "s/^/run $run: /"
done
