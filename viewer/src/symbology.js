// Turns the style documents of styles/ (format in styles/README.md) into OpenLayers styles and legend entries.
// Same semantics as the server's raster painter (TileServer.Styling.StylePainter): the FIRST rule whose source
// layer, filter and zoom range match draws the feature; hatches are drawn by the raster tiles only.
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';

export function rgba(hex, opacity = 1) {
  const h = hex.replace('#', '');
  const n = parseInt(h.length === 3 ? h.split('').map((c) => c + c).join('') : h.slice(0, 6), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${opacity})`;
}

function matches(filter, properties) {
  if (!filter || filter.always) return true;
  const value = properties[filter.field];
  if (value === undefined || value === null) return false;
  const text = String(value);
  if (filter.equals !== undefined) return text === filter.equals;
  if (filter.in !== undefined) return filter.in.includes(text);
  if (filter.prefix !== undefined) return text.startsWith(filter.prefix);
  return false;
}

function olStyle(rule) {
  return new Style({
    fill: rule.fill ? new Fill({ color: rgba(rule.fill.color, rule.fill.opacity ?? 1) }) : undefined,
    stroke: rule.stroke
      ? new Stroke({
        color: rgba(rule.stroke.color, rule.stroke.opacity ?? 1),
        width: rule.stroke.width ?? 1,
        lineDash: rule.stroke.dashArray,
      })
      : undefined,
  });
}

const fallback = new Style({ stroke: new Stroke({ color: 'rgba(90,90,90,0.9)', width: 0.8 }) });

/** A style function for one layer: `sourceLayer` is the source layer of the style its rules name. */
export function styleFunction(styleDocument, sourceLayer, zoomOf) {
  if (!styleDocument) return () => fallback;
  const rules = styleDocument.rules
    .filter((rule) => (rule.sourceLayer ?? styleDocument.sourceLayer) === sourceLayer)
    .map((rule) => ({
      rule,
      minZoom: rule.minZoom ?? styleDocument.minZoom ?? 0,
      maxZoom: rule.maxZoom ?? styleDocument.maxZoom ?? 99,
      style: olStyle(rule),
    }));
  // Features with the same values of the filtered fields at the same whole zoom get the same rule: memoised,
  // so the 175 land-use rules are scanned once per class, not once per parcel.
  const fields = [...new Set(rules.map((entry) => entry.rule.filter?.field).filter(Boolean))];
  const memo = new Map();
  return (feature, resolution) => {
    const zoom = Math.floor(zoomOf(resolution) + 1e-9);
    const properties = feature.getProperties();
    const key = `${zoom}\u0001${fields.map((field) => properties[field]).join('\u0001')}`;
    let style = memo.get(key);
    if (style === undefined) {
      style = null;
      for (const entry of rules) {
        if (zoom >= entry.minZoom && zoom <= entry.maxZoom && matches(entry.rule.filter, properties)) {
          style = entry.style;
          break;
        }
      }
      memo.set(key, style);
    }
    return style;
  };
}

/** Legend entries of a style for one source layer: name, fill and stroke of each rule. */
export function legendEntries(styleDocument, sourceLayer) {
  if (!styleDocument) return [];
  return styleDocument.rules
    .filter((rule) => (rule.sourceLayer ?? styleDocument.sourceLayer) === sourceLayer)
    .map((rule) => ({
      id: rule.id,
      zh: rule.name?.zh ?? rule.id,
      en: rule.name?.en ?? '',
      fill: rule.fill ? rgba(rule.fill.color, rule.fill.opacity ?? 1) : 'transparent',
      stroke: rule.stroke ? rgba(rule.stroke.color, rule.stroke.opacity ?? 1) : null,
      dashed: Boolean(rule.stroke?.dashArray),
      hatch: rule.hatch ? rgba(rule.hatch.color, rule.hatch.opacity ?? 1) : null,
    }));
}
