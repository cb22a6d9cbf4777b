// The camera decoder's cost on a frame with no code in it, which is most frames: 640×480,
// all nine formats on, through the app's own pipeline (src/scan/decode) in Node.
import { performance } from 'node:perf_hooks';
import { SHELF_MAX_SYMBOLS, shelfFormats } from '../src/scan/camera/shelf-decoding';
import { allBarcodeFormats } from '../src/scan/decode/barcode-format';
import { createDecoder, type Decoder } from '../src/scan/decode/create-decoder';
import type { DecodeRequest } from '../src/scan/decode/decode-frame';
import type { Frame } from '../src/scan/decode/frame';
import { nodeWasmSource } from '../src/scan/decode/testing/node-wasm-binary';
import { recordNote, recordResult } from './report';

const width = 640;
const height = 480;
const warmups = 20;
const runs = 200;

export async function runScanDecodeBench(): Promise<void> {
  const decoder = await createDecoder({ wasm: await nodeWasmSource() });
  if (decoder.engine !== 'wasm')
    recordNote(`scan-decode ran on the ${decoder.engine} engine: ${decoder.fallbackReason}`);
  const frame = emptyFrame();
  // A camera frame gets one of the engine's passes, the next frame the next (as the worker does).
  const fullTimes = await timesMs(decoder, frame, (i) => ({ formats: allBarcodeFormats, pass: i }));
  const full = median(fullTimes);
  recordResult(
    'scan-empty-frame-ms',
    full,
    'ms',
    `median decode of a 640×480 camera frame with no code (gradient, texture, noise), all 9 formats, passes alternating frame by frame as in the worker (${decoder.engine} engine, ${runs} runs; budget 3 ms)`,
  );
  // The looks differ in cost (docs/decisions/0049-…): the mean says what a second of frames costs.
  recordResult(
    'scan-empty-frame-mean-ms',
    fullTimes.reduce((sum, ms) => sum + ms, 0) / fullTimes.length,
    'ms',
    `the same ${runs} frames, mean (the default look costs more than the fixed threshold it alternates with)`,
  );
  // Find and count read a whole shelf: up to SHELF_MAX_SYMBOLS codes, the product formats.
  const multi = await medianMs(decoder, frame, (i) => ({
    formats: shelfFormats,
    maxSymbols: SHELF_MAX_SYMBOLS,
    pass: i,
  }));
  recordResult(
    'scan-empty-frame-multi-ms',
    multi,
    'ms',
    `the same frame read as a shelf (find, count): up to ${SHELF_MAX_SYMBOLS} codes, EAN/UPC and Code 128 (${decoder.engine} engine, ${runs} runs; budget 3 ms)`,
  );
  const still = await medianMs(decoder, frame, () => ({ formats: allBarcodeFormats }));
  recordResult(
    'scan-empty-still-ms',
    still,
    'ms',
    `the same frame as a still image, every pass tried (what bench:scan and the fixture tests pay per unreadable image)`,
  );
  // The camera UI passes its scan-region overlay: only that part is decoded.
  const band = await medianMs(decoder, frame, (i) => ({
    formats: allBarcodeFormats,
    region: { x: 0, y: 120, width: 640, height: 240 },
    pass: i,
  }));
  recordResult(
    'scan-empty-region-ms',
    band,
    'ms',
    `the same, cropped to a 640×240 scan region (${decoder.engine} engine, ${runs} runs)`,
  );
}

async function medianMs(
  decoder: Decoder,
  frame: Frame,
  request: (frameNumber: number) => DecodeRequest,
): Promise<number> {
  return median(await timesMs(decoder, frame, request));
}

async function timesMs(
  decoder: Decoder,
  frame: Frame,
  request: (frameNumber: number) => DecodeRequest,
): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await decoder.decode(frame, request(i));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const results = await decoder.decode(frame, request(i));
    times.push(performance.now() - started);
    if (results.length > 0) throw new Error(`The empty frame decoded as ${JSON.stringify(results)}`);
  }
  return times;
}

/** What a camera sees between codes: a soft gradient with some texture and sensor noise. */
function emptyFrame(): Frame {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 42;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const noise = (seed >>> 24) / 255 - 0.5;
      const value =
        90 + (100 * x) / width + (40 * y) / height + 12 * Math.sin(x / 37) * Math.cos(y / 23) + 10 * noise;
      const p = (y * width + x) * 4;
      data[p] = value + 8;
      data[p + 1] = value;
      data[p + 2] = value - 10;
      data[p + 3] = 255;
    }
  }
  return { data, width, height };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
