#!/usr/bin/env bash
# Raster PNG tiles: our renderer against Mapnik, same tiles, same data, same colours, one run.
#
# Tiles: z8, z12, z14, z16 over 平泉's seat (118.70, 41.01), a forest parcel and the county's western
# boundary (benchmarks/TileServer.Benchmarks/BenchmarkPlaces.cs), each as the landuse layer (ghyd,
# styles/landuse.json) and as the control-line composite (yjjbnt, stbhhx, czkfbj; styles/control_lines.json).
# Data: the benchmark GeoPackage of the default 平泉 sample (generated on first use), read by both sides —
# ours through the GeoPackage source, Mapnik through its ogr plugin.
# Ours: in process, no cache (RasterTileService.ProduceAsync, `TileServer.Benchmarks render-tiles`), in one of two
# runtime configurations (RUNTIME=...): `tiered` (the default since 2026-12-07, seventh session) runs with the
# runtime's defaults, as the server does (tiered compilation with dynamic PGO), after WARMUP seconds (default 10)
# of rendering the whole list so that the hot methods have been recompiled at tier 1 before the timed renders;
# `fullopts` (the earlier method) has the JIT fully optimising from the start (TieredCompilation=0, no profile). Mapnik: benchmarks/mapnik_render.py
# (Debian python3-mapnik via /usr/bin/python3), render + png8 encode. Both: one warm-up render per tile,
# then ROUNDS timed renders, in PASSES alternating passes; the medians of wall time and of process CPU time (clock_gettime
# CLOCK_PROCESS_CPUTIME_ID on both sides) are reported. The ratio is taken on CPU time, which other jobs on
# a shared machine do not inflate the way they inflate wall time. Prints a table with the ratios and PNG
# sizes, and the load.
# Needs: the .NET SDK, python3-mapnik (apt-get install -y python3-mapnik). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-15}
# The two renderers alternate PASSES times, and each tile's medians are taken over the passes too, so a
# burst of load on the machine during one side's turn does not decide the ratio.
passes=${PASSES:-3}
runtime=${RUNTIME:-tiered}
warmup=${WARMUP:-10}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
bench=benchmarks/TileServer.Benchmarks/bin/Release/net10.0/TileServer.Benchmarks.dll
[ -f "$bench" ] || dotnet build benchmarks/TileServer.Benchmarks -c Release >/dev/null
gpkg=$(dotnet "$bench" sample-path)

tiles="$out/tiles.txt"
/usr/bin/python3 - >"$tiles" <<'PY'
import math
places = {"seat": (118.70, 41.01), "forest": (118.796, 41.22), "boundary": (118.373, 41.00)}
for z in (8, 12, 14, 16):
    for name, (lon, lat) in places.items():
        n = 2 ** z
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
        for layers in ("ghyd", "control"):
            print(layers, z, x, y, "#", name)
PY

echo "runtime: $runtime$([ "$runtime" = tiered ] && echo " (warm-up ${warmup} s)")"
echo "load before: $(cat /proc/loadavg)"
for pass in $(seq 1 "$passes"); do
  if [ "$runtime" = tiered ]; then
    dotnet "$bench" render-tiles "$tiles" "$rounds" "$out/ours" --warmup "$warmup" >"$out/ours.$pass.txt"
  else
    DOTNET_TieredCompilation=0 dotnet "$bench" render-tiles "$tiles" "$rounds" "$out/ours" >"$out/ours.$pass.txt"
  fi
  /usr/bin/python3 benchmarks/mapnik_render.py "$gpkg" styles "$tiles" "$rounds" "$out/mapnik" >"$out/mapnik.$pass.txt"
done
echo "load after:  $(cat /proc/loadavg)"

# Per tile and column, the median over the passes (each pass's value already a median over ROUNDS).
/usr/bin/python3 - "$out" "$passes" <<'PY'
import sys, statistics
out, passes = sys.argv[1], int(sys.argv[2])
for side in ("ours", "mapnik"):
    runs = [[l.split() for l in open(f"{out}/{side}.{p}.txt") if l.strip()] for p in range(1, passes + 1)]
    with open(f"{out}/{side}.txt", "w") as merged:
        for rows in zip(*runs):
            first = list(rows[0])
            for column in range(2, len(first)):
                first[column] = str(statistics.median(float(r[column]) for r in rows))
                if column in (3, 4) and side == "mapnik" or column == 3 and side == "ours":
                    first[column] = str(int(float(first[column])))  # byte counts
            merged.write(" ".join(first) + "\n")
PY

/usr/bin/python3 - "$tiles" "$out/ours.txt" "$out/mapnik.txt" <<'PY'
import sys
places = [l.split("#")[1].strip() for l in open(sys.argv[1]) if l.strip()]
ours = [l.split() for l in open(sys.argv[2]) if l.strip()]
mapnik = [l.split() for l in open(sys.argv[3]) if l.strip()]
print("| place | layers | tile | ours CPU ms | Mapnik CPU ms | Mapnik/ours (CPU) | ours wall ms | Mapnik wall ms | ours PNG B | Mapnik png8 B |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
ratios = []
larger = []
for place, o, m in zip(places, ours, mapnik):
    assert o[:2] == m[:2], (o, m)
    ours_cpu, mapnik_cpu = float(o[4]), float(m[5])
    # A layer outside its zoom range costs nothing on either side: no ratio.
    shown = "—"
    if int(o[3]) > 0:
        ratio = mapnik_cpu / ours_cpu
        ratios.append(ratio)
        shown = f"{ratio:.2f}×"
        if int(o[3]) > int(m[3]):
            larger.append(f"{o[0]} {o[1]} ({o[3]} B against {m[3]} B)")
    print(f"| {place} | {o[0]} | {o[1]} | {ours_cpu:.2f} | {mapnik_cpu:.2f} | {shown} | {float(o[2]):.2f} | {float(m[2]):.2f} | {o[3]} | {m[3]} |")
ratios.sort()
print(f"\nratio Mapnik/ours on CPU time (>1: ours faster) over {len(ratios)} tiles: median {ratios[len(ratios)//2]:.2f}×, min {ratios[0]:.2f}×, max {ratios[-1]:.2f}×")
# Issue 4's goal is 3× on every tile: say how many reach it, so a run's summary line is comparable with the last.
print(f"at 3× or more: {sum(r >= 3 for r in ratios)} of {len(ratios)} tiles")
print("ours PNG larger than Mapnik png8 on:", "; ".join(larger) or "none")
PY
echo "PNGs in $out/ours and $out/mapnik"
