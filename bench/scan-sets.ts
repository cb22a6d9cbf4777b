// Barcode decoding accuracy per image set, through the app's own pipeline in Node.
// Usage: npm run bench:scan [-- --sets DIR] [-- --engine wasm|js|both]
//   DIR has the ZXing blackbox layout: DIR/<set>/<image>.{png,jpg,gif} + <image>.txt, and an
//   optional DIR/thresholds.json ({ sets: { <set>: { format, images, tryHarder0, maxMisreads } } }).
//   Without thresholds.json a set is read with the format its name starts with (ean13-…, upce-…,
//   qrcode-…), else with all nine. Default DIR: $ZXING_BLACKBOX_DIR, else
//   src/scan/decode/testing/fixtures/zxing-blackbox (committed).
//   --engine: wasm (the default, the engine the app prefers) records "scan-sets"; js records
//   "scan-sets-js"; both records both and prints them side by side.
import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDecoder } from '../src/scan/decode/create-decoder';
import type { EngineName } from '../src/scan/decode/decoder-engine';
import { listBlackboxSets, scoreSet, blackboxRoot } from '../src/scan/decode/testing/blackbox-sets';
import { nodeWasmSource } from '../src/scan/decode/testing/node-wasm-binary';
import { readResults, resultsPath } from './report';

type SetFigures = { images: number; decoded: number; misreads: number; medianMs: number };

const { values } = parseArgs({
  options: { sets: { type: 'string' }, engine: { type: 'string', default: 'wasm' } },
});
const root = resolve(values.sets ?? blackboxRoot);
const engines: EngineName[] =
  values.engine === 'both' ? ['wasm', 'js'] : values.engine === 'js' ? ['js'] : ['wasm'];

const sets = listBlackboxSets(root);
if (sets.length === 0) throw new Error(`No image sets under ${root}`);
const wasm = await nodeWasmSource();
const figures = new Map<EngineName, Record<string, SetFigures>>();
for (const engine of engines) {
  const decoder = await createDecoder({ prefer: engine, wasm });
  if (decoder.engine !== engine)
    throw new Error(`The ${engine} engine did not load: ${decoder.fallbackReason}`);
  const perSet: Record<string, SetFigures> = {};
  for (const set of sets) {
    const { images, decoded, misreads, medianMs } = await scoreSet(decoder, set);
    perSet[set.name] = { images, decoded, misreads, medianMs: Math.round(medianMs * 100) / 100 };
  }
  figures.set(engine, perSet);
  record(
    engine === 'wasm' ? 'scan-sets' : 'scan-sets-js',
    perSet,
    `per image set under ${root}, ${engine} engine`,
  );
}

console.log(`\nBarcode sets under ${root} (node ${process.version})\n`);
console.log(
  `| set | format | images | required | ${engines.map((e) => `${e} decoded | ${e} misreads | ${e} median ms`).join(' | ')} |`,
);
console.log(`|---|---|---|---|${engines.map(() => '---|---|---|').join('')}`);
for (const set of sets) {
  const cells = engines.flatMap((engine) => {
    const row = figures.get(engine)?.[set.name];
    return row ? [row.decoded, row.misreads, row.medianMs.toFixed(2)] : ['', '', ''];
  });
  const format = set.formats.length === 1 ? set.formats[0] : 'all';
  console.log(
    `| ${set.name} | ${format} | ${set.samples.length} | ${set.thresholds?.tryHarder0 ?? '–'} | ${cells.join(' | ')} |`,
  );
}
console.log(`\nWritten to ${resultsPath}`);

/** Merged into bench/results.json beside the rows of `npm run bench`, as report.ts writes them. */
function record(name: string, value: Record<string, SetFigures>, what: string): void {
  const results: Record<string, unknown> = { ...readResults() };
  results[name] = { value, unit: 'sets', what, at: new Date().toISOString() };
  const temporary = `${resultsPath}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, resultsPath);
}
