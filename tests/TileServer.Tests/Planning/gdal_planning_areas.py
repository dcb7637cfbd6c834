"""Independent computation of the planning areas with GDAL/OGR, PROJ and GEOS, for PlanningGdalAgreementTests.

Usage: gdal_planning_areas.py <sample.gpkg>. Prints JSON: per unit (xzqdm) the EPSG code of its CGCS2000
3-degree Gauss-Kruger zone (by the longitude of the xzq centroid) and the areas in m2 of farmland (ghyd 01xx),
grassland (ghyd 04xx), yjjbnt, stbhhx, czkfbj and czjsyd2020, each geometry transformed by PROJ; and the
overlaps between the three control lines per unit (dissolved intersections split into parts > 1 m2)."""
import json
import math
import sys

from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

source = ogr.Open(sys.argv[1])
geographic = osr.SpatialReference()
geographic.ImportFromEPSG(4490)
geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)

units = {}
transforms = {}
for feature in source.GetLayerByName("xzq"):
    code = feature.GetField("xzqdm")
    lon = feature.GetGeometryRef().Centroid().GetX()
    epsg = 4534 + int(math.floor((lon + 1.5) / 3.0)) - 25
    plane = osr.SpatialReference()
    plane.ImportFromEPSG(epsg)
    plane.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transforms[code] = (osr.CoordinateTransformation(geographic, plane), osr.CoordinateTransformation(plane, geographic))
    units[code] = {"epsg": epsg, "farmland": 0.0, "grassland": 0.0, "yjjbnt": 0.0, "stbhhx": 0.0, "czkfbj": 0.0, "czjsyd2020": 0.0}

lines = {code: {"yjjbnt": [], "stbhhx": [], "czkfbj": []} for code in units}


def projected(feature, code):
    geometry = feature.GetGeometryRef().Clone()
    geometry.Transform(transforms[code][0])
    return geometry


for feature in source.GetLayerByName("ghyd"):
    code, cls = feature.GetField("xzqdm"), feature.GetField("ydyhfldm") or ""
    if cls.startswith("01"):
        units[code]["farmland"] += projected(feature, code).GetArea()
    elif cls.startswith("04"):
        units[code]["grassland"] += projected(feature, code).GetArea()

for name in ("yjjbnt", "stbhhx", "czkfbj", "czjsyd2020"):
    for feature in source.GetLayerByName(name):
        code = feature.GetField("xzqdm")
        geometry = projected(feature, code)
        units[code][name] += geometry.GetArea()
        if name in lines[code]:
            lines[code][name].append(geometry)


def dissolve(geometries):
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for geometry in geometries:
        for i in range(geometry.GetGeometryCount()) if geometry.GetGeometryType() == ogr.wkbMultiPolygon else [None]:
            collection.AddGeometry(geometry.GetGeometryRef(i) if i is not None else geometry)
    return collection.UnionCascaded()


overlaps = []
pairs = [("yjjbnt", "stbhhx"), ("yjjbnt", "czkfbj"), ("stbhhx", "czkfbj")]
for code in sorted(units):
    for a, b in pairs:
        if not lines[code][a] or not lines[code][b]:
            continue
        common = dissolve(lines[code][a]).Intersection(dissolve(lines[code][b]))
        parts = [common.GetGeometryRef(i) for i in range(common.GetGeometryCount())] if common.GetGeometryCount() > 0 and common.GetGeometryType() != ogr.wkbPolygon else [common]
        for part in parts:
            if part is None or part.GetGeometryType() not in (ogr.wkbPolygon, ogr.wkbPolygon25D) or part.GetArea() <= 1.0:
                continue
            point = part.PointOnSurface()
            point.Transform(transforms[code][1])
            overlaps.append({"xzqdm": code, "lineA": a, "lineB": b, "area": part.GetArea(), "lon": point.GetX(), "lat": point.GetY()})

json.dump({"units": units, "overlaps": overlaps}, sys.stdout)
