// Pre-compresses the built client: writes x.br (brotli, best) and x.gz (gzip -9) beside each
// text or WebAssembly file of dist/client, so the server sends them as they are
// (src/server/plugins/client-app.ts, @fastify/static `preCompressed`) and compresses nothing
// per request. Runs after `vite build` (npm run build:client); a file that does not shrink is
// left alone and goes as it is.
// Usage: node scripts/compress-client.mjs [dir]   (default: dist/client)
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const root = process.argv[2] ?? 'dist/client';
/** Source maps are for the developer tools only: not worth the build time. */
const compressible = /\.(?:m?js|css|html|svg|json|webmanifest|wasm|txt|xml|ico)$/i;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (compressible.test(entry.name)) yield path;
  }
}

let raw = 0;
let brotli = 0;
let count = 0;
// zlib's async calls run on libuv's thread pool: the files compress in parallel.
async function compress(path) {
  const bytes = await readFile(path);
  const [br, gz] = await Promise.all([
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm')
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  if (br.length < bytes.length) await writeFile(`${path}.br`, br);
  if (gz.length < bytes.length) await writeFile(`${path}.gz`, gz);
  raw += bytes.length;
  brotli += Math.min(br.length, bytes.length);
  count += 1;
  if (process.env.COMPRESS_VERBOSE) {
    console.log(`${relative(root, path)}: ${bytes.length} → br ${br.length}, gz ${gz.length}`);
  }
}

await Promise.all([...files(root)].filter((path) => statSync(path).size >= MIN_BYTES).map(compress));
console.log(
  `compressed ${count} files of ${root}: ${(raw / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB brotli`,
);
