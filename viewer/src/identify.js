// Feature attributes at a clicked point. Vector mode reads the rendered MVT features; raster mode (WMTS
// pictures carry no attributes) fetches the layer's vector tile that holds the point, at the layer's most
// detailed zoom, from the server's own /tiles/{layer}/{z}/{x}/{y}.mvt, and tests the point against its polygons.
import Feature from 'ol/Feature.js';
import MVT from 'ol/format/MVT.js';
import { fromLonLat } from 'ol/proj.js';

const HALF_WORLD = 20037508.342789244;
const format = new MVT({ featureClass: Feature });

export function propertiesOf(feature) {
  const properties = { ...feature.getProperties() };
  delete properties.geometry;
  delete properties.layer;
  return properties;
}

/** Features of `layers` (objects with id, minzoom, maxzoom) containing lon/lat, top layer first. */
export async function queryTiles(layers, lon, lat) {
  const [mx, my] = fromLonLat([lon, lat]);
  const results = [];
  for (const layer of layers) {
    const z = Math.max(layer.minzoom, Math.min(layer.maxzoom, 16));
    const size = (2 * HALF_WORLD) / 2 ** z;
    const x = Math.floor((mx + HALF_WORLD) / size);
    const y = Math.floor((HALF_WORLD - my) / size);
    const response = await fetch(`../tiles/${encodeURIComponent(layer.id)}/${z}/${x}/${y}.mvt`);
    if (response.status !== 200) continue;
    const extent = [x * size - HALF_WORLD, HALF_WORLD - (y + 1) * size, (x + 1) * size - HALF_WORLD, HALF_WORLD - y * size];
    const features = format.readFeatures(await response.arrayBuffer(), { extent, featureProjection: 'EPSG:3857' });
    for (const feature of features) {
      if (feature.get('layer') === layer.id && feature.getGeometry()?.intersectsCoordinate([mx, my])) {
        results.push({ layer, properties: propertiesOf(feature) });
      }
    }
  }
  return results;
}
