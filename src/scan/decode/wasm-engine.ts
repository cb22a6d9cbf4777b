import {
  prepareZXingModule,
  readBarcodes,
  type ReadInputBarcodeFormat,
  type ReadResult,
  type ReaderOptions,
} from 'zxing-wasm/reader';
import { BarcodeFormat } from './barcode-format';
import type { DecodedBarcode } from './decoded-barcode';
import type { DecoderEngine } from './decoder-engine';
import { correctExposure } from './exposure';
import type { Frame } from './frame';
import { isGs1SymbologyIdentifier } from './gs1';

/**
 * Where the zxing_reader.wasm binary comes from. Never the package's default (a CDN): in the
 * browser it is our own URL, a file the service worker precaches (decode-worker.ts); in Node
 * the bytes read from node_modules (testing/node-wasm-binary.ts).
 */
export type WasmSource = { url: string } | { binary: ArrayBuffer };

const inputFormats: Record<BarcodeFormat, ReadInputBarcodeFormat> = {
  EAN_13: 'EAN13',
  EAN_8: 'EAN8',
  UPC_A: 'UPCA',
  UPC_E: 'UPCE',
  CODE_128: 'Code128',
  // Symbology roots: their variants (Code 39 full ASCII, ITF-14, Micro QR…) read as ours.
  CODE_39: 'Code39',
  ITF: 'ITF',
  QR_CODE: 'QRCode',
  DATA_MATRIX: 'DataMatrix',
};

/**
 * Tuned on the ZXing blackbox sets and an empty 640×480 frame (docs/decisions/0009-…):
 * tryHarder is what reaches ZXing's try-harder counts (without it EAN-13/UPC read 17–35 % fewer
 * photos); it costs ~1.2 ms a frame, all in the linear scan. tryRotate, tryInvert and
 * tryDownscale read nothing more on those sets and cost 1–4.5 ms more on every empty frame: a code
 * missed at one angle is read in a later frame. minLineCount stays at zxing-cpp's 2 lines,
 * which keeps UPC-E misreads within ZXing's bound. Plain text keeps GS1 separators as ASCII 29
 * (the HRI default would print "(01)…").
 */
export const wasmReaderOptions = {
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  textMode: 'Plain',
  eanAddOnSymbol: 'Ignore',
  returnErrors: false,
} as const satisfies ReaderOptions;

/**
 * The ways of looking at a frame: zxing-cpp's default local-average binarizer, then a fixed
 * threshold, which reads the low-contrast, evenly lit UPC-A photos the first misses (upca-2:
 * 35 → 39 of 52 with no new misreads), then, on a dim frame only, the default binarizer on the
 * frame with its exposure corrected (exposure.ts, docs/decisions/0049-…): crushed blacks no
 * longer widen the bars of a small code. A still image tries them in this order until one
 * reads.
 */
export const wasmPasses: readonly ReaderOptions[] = [
  wasmReaderOptions,
  { ...wasmReaderOptions, binarizer: 'FixedThreshold' },
];

/**
 * The corrected frame is a stronger guess at the picture than the picture itself: a linear code
 * read on it needs three agreeing scan lines, not two, which keeps UPC-E (the shortest code,
 * the easiest to misread) within ZXing's misread bound.
 */
const exposureReaderOptions: ReaderOptions = { ...wasmReaderOptions, minLineCount: 3 };

/**
 * A camera frame gets one look, the next frame the next: default, fixed, default, then the
 * exposure pass on a dim frame or the fixed threshold again on any other. A well-exposed
 * frame costs what it did with two alternating passes; a dim one is corrected every 4th
 * frame (every 133 ms at 30 fps), and the tracker holds what each look reads.
 */
const cameraTurns = ['default', 'fixed', 'default', 'exposure'] as const;
/** Loads and instantiates the module once; rejects when WebAssembly or the binary is unavailable. */
export async function createWasmEngine(source: WasmSource): Promise<DecoderEngine> {
  if (typeof WebAssembly === 'undefined') throw new Error('WebAssembly is not available');
  const overrides =
    'url' in source
      ? {
          locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.url : prefix + path),
        }
      : { wasmBinary: source.binary };
  await prepareZXingModule({ overrides, fireImmediately: true });
  const readWith = async (
    frame: Frame,
    options: ReaderOptions,
    formats: readonly BarcodeFormat[],
    max: number,
  ) => {
    const results = await readBarcodes(asImageData(frame), {
      ...options,
      formats: formats.map((format) => inputFormats[format]),
      maxNumberOfSymbols: max,
    });
    return results.flatMap((result) => toDecoded(result, formats) ?? []);
  };
  const readCorrected = (frame: Frame, formats: readonly BarcodeFormat[], max: number) => {
    const corrected = correctExposure(frame);
    return corrected ? readWith(corrected, exposureReaderOptions, formats, max) : undefined;
  };
  return {
    name: 'wasm',
    passes: cameraTurns.length,
    async decode(frame, formats, maxSymbols, pass) {
      if (pass !== undefined) {
        const turn = cameraTurns[pass % cameraTurns.length]!;
        if (turn === 'exposure') {
          const read = readCorrected(frame, formats, maxSymbols);
          if (read) return read;
        }
        return readWith(frame, wasmPasses[turn === 'default' ? 0 : 1]!, formats, maxSymbols);
      }
      for (const options of wasmPasses) {
        const found = await readWith(frame, options, formats, maxSymbols);
        if (found.length > 0) return found;
      }
      return (await readCorrected(frame, formats, maxSymbols)) ?? [];
    },
  };
}

// readBarcodes reads ImageData by its data/width/height only. They are copied by name: a real
// ImageData (the worker's frames) keeps them as prototype getters, which a spread would drop.
function asImageData(frame: Frame): ImageData {
  return { colorSpace: 'srgb', data: frame.data, width: frame.width, height: frame.height } as ImageData;
}

function outputFormat(result: ReadResult): BarcodeFormat | undefined {
  switch (result.symbology) {
    case 'EANUPC':
      if (result.format === 'EAN13' || result.format === 'ISBN') return BarcodeFormat.EAN_13;
      if (result.format === 'EAN8') return BarcodeFormat.EAN_8;
      if (result.format === 'UPCA') return BarcodeFormat.UPC_A;
      if (result.format === 'UPCE') return BarcodeFormat.UPC_E;
      return undefined;
    case 'Code128':
      return BarcodeFormat.CODE_128;
    case 'Code39':
      return BarcodeFormat.CODE_39;
    case 'ITF':
      return BarcodeFormat.ITF;
    case 'QRCode':
      return BarcodeFormat.QR_CODE;
    case 'DataMatrix':
      return BarcodeFormat.DATA_MATRIX;
    default:
      return undefined;
  }
}

function toDecoded(result: ReadResult, asked: readonly BarcodeFormat[]): DecodedBarcode | undefined {
  const format = upcAOrNot(outputFormat(result), result.text, asked);
  if (!format || !result.isValid) return undefined;
  const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
  const symbologyIdentifier = result.symbologyIdentifier || undefined;
  return {
    text: upcText(format, result.text),
    format,
    symbologyIdentifier,
    isGs1: isGs1SymbologyIdentifier(symbologyIdentifier) || result.contentType === 'GS1',
    corners: { topLeft, topRight, bottomRight, bottomLeft },
  };
}

/**
 * zxing-cpp 3 reports a UPC-A as an EAN-13 ("0" + its 12 digits) whenever EAN-13 is asked for
 * too; ZXing Java, the JS fallback and a UPC-A-only read call it a UPC-A. It is one, whichever
 * formats were asked for, so both engines report the same code the same way.
 */
function upcAOrNot(
  format: BarcodeFormat | undefined,
  text: string,
  asked: readonly BarcodeFormat[],
): BarcodeFormat | undefined {
  const isUpcA =
    format === BarcodeFormat.EAN_13 &&
    text.length === 13 &&
    text.startsWith('0') &&
    asked.includes(BarcodeFormat.UPC_A);
  return isUpcA ? BarcodeFormat.UPC_A : format;
}

/** zxing-cpp gives UPC-A and UPC-E in their EAN-13 form ("0" + the UPC-A); ours is the UPC-A. */
function upcText(format: BarcodeFormat, text: string): string {
  const isUpc = format === BarcodeFormat.UPC_A || format === BarcodeFormat.UPC_E;
  return isUpc && text.length === 13 && text.startsWith('0') ? text.slice(1) : text;
}
