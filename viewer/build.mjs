// Bundles src/main.js (OpenLayers from node_modules, CSS included) into dist/ with esbuild and copies the page.
// Run by `npm run build`, which the TileServer project's build runs (src/TileServer/TileServer.csproj).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { viewer: 'src/main.js' },
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  outdir: 'dist',
  logLevel: 'warning',
});
copyFileSync('src/index.html', 'dist/index.html');
console.log('viewer: built dist/');
