"""Mapnik side of raster-vs-mapnik.sh: renders a tile list from the benchmark GeoPackage with the
colours of styles/landuse.json and styles/control_lines.json and prints per tile
"layers z/x/y median_ms png_bytes png32_bytes". Run with Debian's /usr/bin/python3 (python3-mapnik).

Usage: mapnik_render.py <gpkg> <styles dir> <tiles.txt> <rounds> [png dir]
Tile lines: "ghyd|control z x y". The map objects are built once per (layers, zoom), outside the
timing, as the server builds its styles once; the timed part is render + PNG encode as "png8:m=o"
(octree palette, the counterpart of our indexed PNG: Mapnik's default hextree png8 drops the control
lines' 15%-opacity fills to transparent). png32_bytes is Mapnik's default "png" (RGBA), for reference. With a png dir, each tile is written there as
<layers>-<z>-<x>-<y>.png (the png8) and .rgba.png (the same render as RGBA, to count colours and measure
the palette's error)."""
import json
import math
import os
import sys
import time
from xml.sax.saxutils import escape

import mapnik

HALF = 20037508.342789244
MERCATOR = "epsg:3857"
PALETTE = "png8:m=o"
GEOGRAPHIC = "epsg:4326"  # the sample is CGCS2000 (EPSG:4490), coincident with WGS 84 at tile scale


def tile_box(z, x, y):
    size = 2 * HALF / (1 << z)
    return mapnik.Box2d(-HALF + x * size, HALF - (y + 1) * size, -HALF + (x + 1) * size, HALF - y * size)


def xml_filter(rule):
    f = rule.get("filter")
    if f is None:
        return ""
    if "prefix" in f:
        return "<Filter>[%s].match('^%s')</Filter>" % (f["field"], escape(f["prefix"]))
    return "<Filter>[%s] = '%s'</Filter>" % (f["field"], escape(f["equals"]))


def styles_xml(layer_id, rules, zoom):
    """Two passes per layer as our renderer does: every fill first, then every outline on top.
    The first matching rule wins (our StylePainter): filter-mode="first". Written as Mapnik XML because
    python-mapnik 3.1 cannot set stroke-dasharray from Python (a string silently disables the line)."""
    fills, lines = [], []
    for rule in rules:
        if rule.get("minZoom", 0) > zoom:
            continue
        flt = xml_filter(rule)
        fill = ""
        if "fill" in rule:
            fill = '<PolygonSymbolizer fill="%s" fill-opacity="%s"/>' % (rule["fill"]["color"], rule["fill"].get("opacity", 1.0))
        line = ""
        if "stroke" in rule:
            st = rule["stroke"]
            dash = ' stroke-dasharray="%s"' % ",".join(str(v) for v in st["dashArray"]) if "dashArray" in st else ""
            line = '<LineSymbolizer stroke="%s" stroke-width="%s" stroke-opacity="%s"%s/>' % (
                st["color"], st.get("width", 1.0), st.get("opacity", 1.0), dash)
        fills.append("<Rule>%s%s</Rule>" % (flt, fill))
        lines.append("<Rule>%s%s</Rule>" % (flt, line))
    return ('<Style name="%s-fill" filter-mode="first">%s</Style><Style name="%s-line" filter-mode="first">%s</Style>'
            % (layer_id, "".join(fills), layer_id, "".join(lines)))


def build_map(gpkg, styles, which, zoom):
    m = mapnik.Map(256, 256, MERCATOR)
    m.buffer_size = 4  # our RasterTileOptions.BufferPixels
    if which == "ghyd":
        layers = [("ghyd", styles["landuse"])]
    else:
        layers = [(t, styles["control_lines"]) for t in ("yjjbnt", "stbhhx", "czkfbj")]
    for table, style in layers:
        if style.get("minZoom", 0) > zoom:
            continue
        rules = [r for r in style["rules"] if r.get("sourceLayer", style.get("sourceLayer")) == table]
        mapnik.load_map_from_string(m, '<Map srs="%s">%s</Map>' % (MERCATOR, styles_xml(table, rules, zoom)))
        layer = mapnik.Layer(table, GEOGRAPHIC)
        layer.datasource = mapnik.Ogr(file=gpkg, layer=table)
        layer.styles.append(table + "-fill")
        layer.styles.append(table + "-line")
        m.layers.append(layer)
    return m


def main():
    gpkg, style_dir, tile_list, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    out_dir = sys.argv[5] if len(sys.argv) > 5 else None
    styles = {n: json.load(open(os.path.join(style_dir, n + ".json"), encoding="utf-8")) for n in ("landuse", "control_lines")}
    maps = {}
    for line in open(tile_list, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 4 or parts[0].startswith("#"):
            continue
        which, z, x, y = parts[0], int(parts[1]), int(parts[2]), int(parts[3])
        m = maps.get((which, z)) or maps.setdefault((which, z), build_map(gpkg, styles, which, z))
        m.zoom_to_box(tile_box(z, x, y))

        def render():
            image = mapnik.Image(256, 256)
            mapnik.render(m, image)
            return image, image.tostring(PALETTE)

        image, png = render()  # warm-up: opens the datasource, fills OGR's caches
        times = []
        cpu_times = []
        for _ in range(rounds):
            start = time.perf_counter()
            cpu_start = time.process_time()
            render()
            cpu_times.append((time.process_time() - cpu_start) * 1000)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        cpu_times.sort()
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
            with open(os.path.join(out_dir, "%s-%d-%d-%d.png" % (which, z, x, y)), "wb") as f:
                f.write(png)
            with open(os.path.join(out_dir, "%s-%d-%d-%d.rgba.png" % (which, z, x, y)), "wb") as f:
                f.write(image.tostring("png32"))  # the same render, exact, for colour counts and quantization error
        print("%s %d/%d/%d %.3f %d %d %.3f" % (which, z, x, y, times[len(times) // 2], len(png), len(image.tostring("png")),
                                              cpu_times[len(cpu_times) // 2]), flush=True)


if __name__ == "__main__":
    main()
