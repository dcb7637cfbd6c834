// TileServer map viewer: layers of /viewer/config.json drawn as vector tiles (MVT, WebMercatorQuad) or as WMTS
// raster tiles (WebMercatorQuad or CGCS2000Quad), legend, go-to-unit, attributes on click, unit indicators.
// Everything comes from this server: no basemap, font or script from elsewhere (works offline).
import 'ol/ol.css';
import './viewer.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import MVT from 'ol/format/MVT.js';
import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import { get as getProjection, toLonLat, transform, transformExtent } from 'ol/proj.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import WMTS, { optionsFromCapabilities } from 'ol/source/WMTS.js';
import { createXYZ } from 'ol/tilegrid.js';
import { showIndicators } from './indicators.js';
import { propertiesOf, queryTiles } from './identify.js';
import { registerCgcs2000 } from './projections.js';
import { legendEntries, rgba, styleFunction } from './symbology.js';

const UNIT_LAYER = 'xzq';
const $ = (selector) => document.querySelector(selector);
const escape = (value) => String(value ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

const state = { mode: 'vector', grid: 'WebMercatorQuad', visible: new Set(), vector: new globalThis.Map(), raster: new globalThis.Map() };
// For scripts and browser tests: the map, a counter of completed renders, and a promise of start-up.
const viewer = { map: null, renders: 0, state };
window.tileViewer = viewer;

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const number = (name) => (params.has(name) && Number.isFinite(Number(params.get(name))) ? Number(params.get(name)) : undefined);
  return { z: number('z'), lon: number('lon'), lat: number('lat'), mode: params.get('mode'), grid: params.get('grid') };
}

function writeHash(map) {
  const view = map.getView();
  const [lon, lat] = transform(view.getCenter(), view.getProjection(), 'EPSG:4326');
  const z = webMercatorZoom(view);
  history.replaceState(null, '', `#z=${z.toFixed(2)}&lon=${lon.toFixed(5)}&lat=${lat.toFixed(5)}&mode=${state.mode}&grid=${state.grid}`);
}

/** The view's zoom in WebMercatorQuad levels, whatever the view projection (layer zoom ranges use them). */
function webMercatorZoom(view) {
  const resolution = view.getResolution();
  const center = view.getCenter();
  const metresPerPixel = view.getProjection().getUnits() === 'degrees'
    ? resolution * 111319.49079327358 / Math.cos((center[1] * Math.PI) / 180)
    : resolution;
  return Math.log2(156543.03392804097 / metresPerPixel);
}

function createVectorLayers(config) {
  const grid = createXYZ({ maxZoom: 22 });
  const zoomOf = (resolution) => grid.getZForResolution(resolution, 0);
  config.layers.forEach((layer, index) => {
    const source = new VectorTileSource({
      format: new MVT({ layers: [layer.id] }),
      url: `../tiles/${encodeURIComponent(layer.id)}/{z}/{x}/{y}.mvt`,
      tileGrid: createXYZ({ minZoom: layer.minzoom, maxZoom: layer.maxzoom }),
    });
    state.vector.set(layer.id, new VectorTileLayer({
      source,
      // OpenLayers' minZoom is exclusive; the layer draws from its first tile level on.
      minZoom: layer.minzoom - 0.5,
      zIndex: layer.id === UNIT_LAYER ? 1000 : index,
      style: styleFunction(config.styles[layer.style], layer.styleSourceLayer ?? layer.id, zoomOf),
      properties: { layerId: layer.id },
    }));
  });
}

function createRasterLayers(config, capabilities, grid) {
  for (const layer of state.raster.values()) viewer.map?.removeLayer(layer);
  state.raster.clear();
  config.layers.forEach((layer, index) => {
    // RESTful: the ResourceURL templates of the capabilities (07-057r7 §10.2), cacheable plain paths.
    const options = optionsFromCapabilities(capabilities, { layer: layer.id, matrixSet: grid, requestEncoding: 'REST' });
    if (!options) return; // not published by WMTS (a layer without a style)
    state.raster.set(layer.id, new TileLayer({
      source: new WMTS(options),
      zIndex: layer.id === UNIT_LAYER ? 1000 : index,
      properties: { layerId: layer.id },
    }));
  });
}

function applyLayers() {
  const map = viewer.map;
  const drawVector = state.mode === 'vector' && state.grid === 'WebMercatorQuad';
  for (const [id, layer] of state.vector) {
    layer.setVisible(state.visible.has(id));
    if (drawVector && !map.getLayers().getArray().includes(layer)) map.addLayer(layer);
    if (!drawVector) map.removeLayer(layer);
  }
  for (const [id, layer] of state.raster) {
    layer.setVisible(state.visible.has(id));
    if (!drawVector && !map.getLayers().getArray().includes(layer)) map.addLayer(layer);
    if (drawVector) map.removeLayer(layer);
  }
  document.querySelectorAll('#layers li').forEach((li) => {
    li.classList.toggle('unavailable', !drawVector && !state.raster.has(li.dataset.layer));
  });
  $('#status').textContent = `${drawVector ? '矢量 MVT' : '栅格 WMTS'} · ${state.grid}`;
  writeHash(map);
}

function switchGrid(config, capabilities, grid) {
  const map = viewer.map;
  const old = map.getView();
  const extent = old.calculateExtent(map.getSize());
  const projection = grid === 'CGCS2000Quad' ? getProjection('EPSG:4490') : getProjection('EPSG:3857');
  state.grid = grid;
  createRasterLayers(config, capabilities, grid);
  const view = new View({ projection });
  map.setView(view);
  view.fit(transformExtent(extent, old.getProjection(), projection), { size: map.getSize() });
  const cgcs = grid === 'CGCS2000Quad';
  $('#grid-note').hidden = !cgcs;
  document.querySelector('input[name=mode][value=vector]').disabled = cgcs;
  if (cgcs) document.querySelector('input[name=mode][value=raster]').checked = true;
  else document.querySelector(`input[name=mode][value=${state.mode}]`).checked = true;
  applyLayers();
}

function buildLayerList(config) {
  const list = $('#layers');
  for (const layer of config.layers) {
    const li = document.createElement('li');
    li.dataset.layer = layer.id;
    li.innerHTML = `<label><input type="checkbox" value="${escape(layer.id)}"${state.visible.has(layer.id) ? ' checked' : ''}> `
      + `${escape(layer.title_zh)} <span class="en">${escape(layer.title_en)}</span> <span class="note">z${layer.minzoom}–${layer.maxzoom}</span></label>`;
    li.querySelector('input').addEventListener('change', (event) => {
      if (event.target.checked) state.visible.add(layer.id); else state.visible.delete(layer.id);
      applyLayers();
    });
    list.append(li);
  }
}

/** Legend entries of one layer: the server's legend of its style (entries grouped as the legend PNG groups
 * them) when published, else derived from the style document. */
async function layerLegend(config, layer, legends) {
  const sourceLayer = layer.styleSourceLayer ?? layer.id;
  if (!config.links.legend || !layer.style) return legendEntries(config.styles[layer.style], sourceLayer);
  if (!legends.has(layer.style)) {
    legends.set(layer.style, fetchJson(`..${config.links.legend.replace('{id}', encodeURIComponent(layer.style))}`));
  }
  const legend = await legends.get(layer.style);
  return legend.entries.filter((entry) => entry.sourceLayer === sourceLayer).map((entry) => ({
    id: entry.rule,
    zh: entry.name_zh ?? entry.rule,
    en: entry.name_en ?? '',
    fill: entry.fill ? rgba(entry.fill, entry.fillOpacity ?? 1) : 'transparent',
    stroke: entry.stroke ?? null,
    dashed: false,
  }));
}

async function buildLegend(config) {
  const legend = $('#legend');
  const legends = new globalThis.Map();
  for (const layer of config.layers) {
    const entries = await layerLegend(config, layer, legends);
    if (entries.length === 0) continue;
    const details = document.createElement('details');
    details.open = entries.length <= 8;
    details.dataset.layer = layer.id;
    details.innerHTML = `<summary>${escape(layer.title_zh)} ${escape(layer.title_en)} (${entries.length})</summary>`
      + entries.map((entry) => `<div class="legend-item" data-rule="${escape(entry.id)}"><span class="swatch" style="background:${entry.fill};`
        + `${entry.stroke ? `border:2px ${entry.dashed ? 'dashed' : 'solid'} ${entry.stroke};` : ''}"></span>`
        + `<span>${escape(entry.zh)} <span class="note">${escape(entry.en)}</span></span></div>`).join('');
    legend.append(details);
  }
}

function buildUnits(config) {
  const select = $('#unit');
  for (const unit of config.units) {
    const option = document.createElement('option');
    option.value = unit.xzqdm;
    option.textContent = `${unit.xzqmc} ${unit.xzqdm}`;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const unit = config.units.find((u) => u.xzqdm === select.value);
    if (!unit) return;
    const view = viewer.map.getView();
    view.fit(transformExtent(unit.bbox, 'EPSG:4326', view.getProjection()), { size: viewer.map.getSize(), padding: [20, 20, 20, 20] });
  });
}

/** The unit whose extent holds the view centre (the smallest, when extents overlap). */
function unitInView(config) {
  const view = viewer.map.getView();
  const [lon, lat] = transform(view.getCenter(), view.getProjection(), 'EPSG:4326');
  let best = null;
  for (const unit of config.units) {
    const [w, s, e, n] = unit.bbox;
    if (lon >= w && lon <= e && lat >= s && lat <= n && (!best || (e - w) * (n - s) < (best.bbox[2] - best.bbox[0]) * (best.bbox[3] - best.bbox[1]))) best = unit;
  }
  return best;
}

function showAttributes(results) {
  const element = $('#attributes');
  if (results.length === 0) {
    element.innerHTML = '<p class="note">此处无要素。 No feature here.</p>';
    return;
  }
  element.innerHTML = results.map(({ layer, properties }) => `<div class="feature" data-layer="${escape(layer.id)}"><h3>${escape(layer.title_zh)} ${escape(layer.title_en)}</h3><table>`
    + Object.entries(properties).map(([key, value]) => `<tr><th>${escape(key)}</th><td data-field="${escape(key)}">${escape(value)}</td></tr>`).join('')
    + '</table></div>').join('');
}

async function identify(config, event) {
  const layersById = new globalThis.Map(config.layers.map((layer) => [layer.id, layer]));
  if (state.mode === 'vector' && state.grid === 'WebMercatorQuad') {
    const results = [];
    viewer.map.forEachFeatureAtPixel(event.pixel, (feature, layer) => {
      const layerDefinition = layersById.get(layer.get('layerId'));
      if (layerDefinition) results.push({ layer: layerDefinition, properties: propertiesOf(feature) });
    }, { hitTolerance: 1 });
    showAttributes(results);
    return;
  }
  const view = viewer.map.getView();
  const [lon, lat] = transform(event.coordinate, view.getProjection(), 'EPSG:4326');
  const zoom = webMercatorZoom(view);
  const visible = config.layers.filter((layer) => state.visible.has(layer.id) && zoom >= layer.minzoom - 0.5)
    .sort((a, b) => (a.id === UNIT_LAYER) - (b.id === UNIT_LAYER) || config.layers.indexOf(b) - config.layers.indexOf(a));
  showAttributes(await queryTiles(visible, lon, lat));
}

async function start() {
  registerCgcs2000();
  const [config, capabilitiesText] = await Promise.all([
    fetchJson('config.json'),
    fetch('../wmts/1.0.0/WMTSCapabilities.xml').then((r) => r.text()),
  ]);
  const capabilities = new WMTSCapabilities().read(capabilitiesText);
  viewer.config = config;
  for (const layer of config.layers) if (layer.style) state.visible.add(layer.id);

  const hash = readHash();
  if (hash.mode === 'raster') state.mode = 'raster';
  const grid = hash.grid === 'CGCS2000Quad' ? 'CGCS2000Quad' : 'WebMercatorQuad';
  const extent = config.units.length ? config.units.map((u) => u.bbox).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]) : [73, 18, 135, 54];

  createVectorLayers(config);
  createRasterLayers(config, capabilities, grid);
  const map = new Map({ target: 'map', layers: [], view: new View({ projection: 'EPSG:3857' }) });
  viewer.map = map;
  const view = map.getView();
  if (hash.lon !== undefined && hash.lat !== undefined && hash.z !== undefined) {
    view.setCenter(transform([hash.lon, hash.lat], 'EPSG:4326', 'EPSG:3857'));
    view.setZoom(hash.z);
  } else {
    view.fit(transformExtent(extent, 'EPSG:4326', 'EPSG:3857'), { size: map.getSize() });
  }

  buildLayerList(config);
  await buildLegend(config);
  buildUnits(config);
  document.querySelector(`input[name=mode][value=${state.mode}]`).checked = true;
  document.querySelectorAll('input[name=mode]').forEach((input) => input.addEventListener('change', () => {
    state.mode = input.value;
    applyLayers();
  }));
  document.querySelectorAll('input[name=grid]').forEach((input) => input.addEventListener('change', () => switchGrid(config, capabilities, input.value)));
  document.querySelector(`input[name=grid][value=${grid}]`).checked = true;
  if (grid !== 'WebMercatorQuad') switchGrid(config, capabilities, grid); else applyLayers();

  // About 2 km across: a conflict polygon and its surroundings.
  const goTo = (lon, lat) => {
    const target = map.getView();
    target.fit(transformExtent([lon - 0.012, lat - 0.009, lon + 0.012, lat + 0.009], 'EPSG:4326', target.getProjection()), { size: map.getSize() });
  };
  let shownUnit = null;
  map.on('moveend', () => {
    writeHash(map);
    const unit = unitInView(config);
    if (unit?.xzqdm === shownUnit) return;
    shownUnit = unit?.xzqdm ?? null;
    $('#indicator-unit').textContent = unit ? `· ${unit.xzqmc}` : '';
    if (unit) showIndicators($('#indicators'), unit, config.links.indicators, goTo).catch((error) => { $('#indicators').textContent = String(error); });
    else $('#indicators').innerHTML = '<p class="note">—</p>';
  });
  map.on('singleclick', (event) => identify(config, event).catch((error) => { $('#attributes').textContent = String(error); }));
  // Counted from here on, with the layers in place: a render completed before (an empty map while the
  // legend loads) does not count; the forced render makes sure one more completes.
  map.on('rendercomplete', () => { viewer.renders += 1; });
  map.render();
  document.body.dataset.ready = 'true';
}

viewer.ready = start().catch((error) => {
  $('#status').textContent = `错误 error: ${error.message}`;
  throw error;
});
