// Tests only: reads the QR codes in a PNG with zxing-wasm, the engine the app's camera scanner
// runs (src/scan/decode), as src/server/shipping/testing/read-code128.ts does for labels.
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

/** The texts of every valid QR code in the PNG file. */
export async function readQrCodes(png: Uint8Array): Promise<string[]> {
  await prepare();
  const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], textMode: 'Plain' });
  return results.filter((result) => result.isValid).map((result) => result.text);
}
