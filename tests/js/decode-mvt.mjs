// Decodes a Mapbox Vector Tile with the reference JavaScript decoder (@mapbox/vector-tile) and prints
// a JSON summary on stdout, so the .NET tests can compare it with what the server meant to encode.
// usage: node decode-mvt.mjs TILE_FILE Z X Y
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';

const [file, z, x, y] = process.argv.slice(2);
const tile = new VectorTile(new Protobuf(readFileSync(file)));
const typeNames = ['Unknown', 'Point', 'LineString', 'Polygon'];
const layers = {};
for (const [name, layer] of Object.entries(tile.layers)) {
  const features = [];
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const rings = feature.loadGeometry();
    // toGeoJSON runs the library's own ring classification (MVT 2.1 §4.3.4.4 winding) and projection.
    const geojson = feature.toGeoJSON(Number(x), Number(y), Number(z));
    features.push({
      id: feature.id ?? null,
      type: typeNames[feature.type],
      properties: feature.properties,
      parts: rings.length,
      points: rings.reduce((n, r) => n + r.length, 0),
      geojsonType: geojson.geometry.type,
      bbox: feature.bbox(),
    });
  }
  layers[name] = { version: layer.version, extent: layer.extent, length: layer.length, features };
}
process.stdout.write(JSON.stringify({ layers }));
