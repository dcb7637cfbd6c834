"""OWSLib (python3-owslib) as a WMTS GetFeatureInfo client of TileServer.

OWSLib 0.27 parses InfoFormat, ResourceURL and OperationsMetadata but its WebMapTileService.getfeatureinfo
is not implemented, so this script does what a client does with what OWSLib parsed: fill the RESTful
FeatureInfo template of the layer, and build the KVP request on the GetFeatureInfo Get URL.
Usage: owslib_wmts_featureinfo.py CAPABILITIES_URL LAYER SET MATRIX ROW COL J I
Prints one JSON object: infoformats, the REST and KVP answers (GeoJSON) and the KVP GML root tag.
"""
import json
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from owslib.wmts import WebMapTileService

url, layer_id, tms, matrix, row, col, j, i = sys.argv[1:]
wmts = WebMapTileService(url)
layer = wmts.contents[layer_id]
style = next(iter(layer.styles))
result = {"infoformats": layer.infoformats, "sets": sorted(layer.tilematrixsetlinks)}

template = next(r["template"] for r in layer.resourceURLs
                if r["resourceType"] == "FeatureInfo" and r["format"] == "application/json")
values = {"Style": style, "TileMatrixSet": tms, "TileMatrix": matrix, "TileRow": row, "TileCol": col, "J": j, "I": i}
for key, value in values.items():
    template = template.replace("{" + key + "}", value)
with urllib.request.urlopen(template) as response:
    result["rest"] = json.load(response)

# The KVP Get endpoint is the one ending in "?" (the RESTful one is the resource root).
kvp_url = next(m["url"] for m in wmts.getOperationByName("GetFeatureInfo").methods if m["url"].endswith("?"))
params = {"SERVICE": "WMTS", "REQUEST": "GetFeatureInfo", "VERSION": "1.0.0", "LAYER": layer_id, "STYLE": style,
          "FORMAT": layer.formats[0], "TILEMATRIXSET": tms, "TILEMATRIX": matrix, "TILEROW": row, "TILECOL": col,
          "J": j, "I": i}
with urllib.request.urlopen(kvp_url + urllib.parse.urlencode(dict(params, INFOFORMAT="application/json"))) as response:
    result["kvp"] = json.load(response)
with urllib.request.urlopen(kvp_url + urllib.parse.urlencode(dict(params, INFOFORMAT="application/vnd.ogc.gml"))) as response:
    result["gmlRoot"] = ET.fromstring(response.read()).tag
print(json.dumps(result, ensure_ascii=False))
