// Tests only: reads Code 128 symbols from pixels with zxing-wasm, the engine the app's camera
// scanner runs (src/scan/decode, docs/decisions/0009). The server may not import src/scan (an
// ESLint boundary), so this calls the same library with the same try-harder setting directly.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let prepared: Promise<unknown> | undefined;

function prepare(): Promise<unknown> {
  prepared ??= (async () => {
    const bytes = await readFile(
      createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
    );
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return prepared;
}

/** The texts of every valid Code 128 found in the RGBA image. */
export async function readCode128(image: { data: Uint8ClampedArray; width: number; height: number }) {
  await prepare();
  const results = await readBarcodes(
    { colorSpace: 'srgb', data: image.data, width: image.width, height: image.height } as ImageData,
    { formats: ['Code128'], tryHarder: true, textMode: 'Plain', maxNumberOfSymbols: 4 },
  );
  return results.filter((result) => result.isValid).map((result) => result.text);
}
