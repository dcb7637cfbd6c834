// CGCS2000 geographic (EPSG:4490) for the CGCS2000Quad grid. Its datum differs from WGS 84 by centimetres,
// far below a pixel at any zoom of the tile sets, so it is registered as equivalent to EPSG:4326 and
// transformed to Web Mercator with the same formulas. EPSG axis order is latitude first ("neu"): the WMTS
// capabilities write TopLeftCorner as "90 -180" and OpenLayers swaps it by this orientation.
import Projection from 'ol/proj/Projection.js';
import {
  addCoordinateTransforms, addEquivalentProjections, addProjection, fromLonLat, get as getProjection, toLonLat,
} from 'ol/proj.js';

function cgcs2000(code) {
  return new Projection({
    code,
    units: 'degrees',
    // WMTS clients derive a level's cell size as ScaleDenominator × 0.28 mm / metres-per-unit (07-057r7 §6.1);
    // the server's geographic quads use the equatorial degree of the CGCS2000/WGS 84 ellipsoid (2π·6378137/360 m,
    // OGC 17-083r4 Annex D.2). OpenLayers' own "degrees" unit assumes a 6370997 m sphere, 0.11 % shorter, which
    // would shift tiles hundreds of pixels at county zooms.
    metersPerUnit: (2 * Math.PI * 6378137) / 360,
    extent: [-180, -90, 180, 90],
    worldExtent: [-180, -90, 180, 90],
    axisOrientation: 'neu',
    global: true,
  });
}

export function registerCgcs2000() {
  const codes = ['EPSG:4490', 'urn:ogc:def:crs:EPSG::4490', 'http://www.opengis.net/def/crs/EPSG/0/4490'];
  const projections = codes.map(cgcs2000);
  projections.forEach(addProjection);
  addEquivalentProjections([getProjection('EPSG:4326'), ...projections]);
  for (const projection of projections) {
    addCoordinateTransforms(projection, 'EPSG:3857', (c) => fromLonLat(c), (c) => toLonLat(c));
  }
  return projections[0];
}
