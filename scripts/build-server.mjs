// Bundles the server into dist/server/main.js. Our own TypeScript (server, domain, contract)
// is compiled in; npm packages stay external and load from node_modules, as PGlite's WASM
// files expect.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
