// Validates a MapLibre GL style JSON file with the reference validator of @maplibre/maplibre-gl-style-spec.
// Usage: node validate-style.mjs style.json
// Prints {"layers": n, "errors": [...]} and exits 1 when the style has errors, so the C# test fails with them.
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';

const style = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = validateStyleMin(style).map((e) => e.message);
process.stdout.write(JSON.stringify({ layers: style.layers.length, errors }));
process.exitCode = errors.length === 0 ? 0 : 1;
