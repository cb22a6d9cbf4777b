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
import { correctExposure, lowerMidtones, measureExposure } from './exposure';
import type { Frame } from './frame';
import { isGs1SymbologyIdentifier } from './gs1';
import { scaleFrame } from './resample';

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
 * The ways of looking at a frame (docs/decisions/0009-… and 0049-…), each a picture and the
 * options it is read with; undefined when it does not apply to this frame:
 * - default: zxing-cpp's local-average binarizer;
 * - fixed: a fixed threshold, which reads the low-contrast, evenly lit UPC-A photos the first
 *   misses (upca-2: 35 → 39 of 52 with no new misreads);
 * - lifted: a dim frame (crushed blacks) stretched with its midtones lifted (exposure.ts);
 * - lowered: the frame stretched with its midtones lowered (greyed blacks: haze, glare);
 * - doubled: a still image of at most 1280 px resampled to twice its size, where a code of
 *   1.5 px a module has room for its edges. Four times the pixels: stills only;
 * - turned: a still image read at 90°, 180° and 270° too, as ZXing Java's try-harder mode turns
 *   an image 90° for its linear codes when nothing reads upright. A camera is turned by hand.
 * A corrected or resampled picture is a guess at the scene: a linear code read on it needs three
 * agreeing scan lines, not two, which keeps UPC-E (the shortest code, the easiest to misread)
 * within ZXing's misread bound.
 */
type Look = 'default' | 'fixed' | 'lifted' | 'lowered' | 'doubled' | 'turned';

export const wasmPasses: readonly ReaderOptions[] = [
  wasmReaderOptions,
  { ...wasmReaderOptions, binarizer: 'FixedThreshold' },
];
const guessReaderOptions: ReaderOptions = { ...wasmReaderOptions, minLineCount: 3 };
/** Stills up to this wide are also read doubled. */
const DOUBLE_UP_TO = 1280;

function look(frame: Frame, kind: Look): { picture: Frame; options: ReaderOptions } | undefined {
  switch (kind) {
    case 'default':
      return { picture: frame, options: wasmPasses[0]! };
    case 'fixed':
      return { picture: frame, options: wasmPasses[1]! };
    case 'lifted': {
      const picture = correctExposure(frame);
      return picture && { picture, options: guessReaderOptions };
    }
    case 'lowered': {
      const picture = lowerMidtones(frame);
      return picture && { picture, options: guessReaderOptions };
    }
    case 'turned':
      return { picture: frame, options: { ...wasmReaderOptions, tryRotate: true } };
    case 'doubled':
      return frame.width <= DOUBLE_UP_TO
        ? { picture: scaleFrame(frame, 2), options: guessReaderOptions }
        : undefined;
  }
}

/** A still image: every look in turn until one reads. */
const stillLooks: readonly Look[] = ['default', 'fixed', 'lifted', 'lowered', 'doubled', 'turned'];

/**
 * A camera frame gets one look, the next frame the next, and the tracker holds what each reads:
 * default and fixed in turn, as before this decision; a dim frame takes the lifted look every
 * 4th frame (every 133 ms at 30 fps) instead of a fixed one. The lowered and doubled looks are
 * for stills only: on every frame's turn they cost more than the empty-frame budget has (the
 * lowered look 2–2.5× the default on a bright empty frame, the doubled 4× the pixels).
 */
const cameraLooks = (dim: boolean): readonly Look[] =>
  dim ? ['default', 'fixed', 'default', 'lifted'] : ['default', 'fixed', 'default', 'fixed'];
const CAMERA_TURNS = 4;

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
  return {
    name: 'wasm',
    passes: CAMERA_TURNS,
    async decode(frame, formats, maxSymbols, pass) {
      if (pass !== undefined) {
        const kind = cameraLooks(measureExposure(frame).dim)[pass % CAMERA_TURNS]!;
        const chosen = look(frame, kind) ?? look(frame, 'default')!;
        return readWith(chosen.picture, chosen.options, formats, maxSymbols);
      }
      for (const kind of stillLooks) {
        const chosen = look(frame, kind);
        if (!chosen) continue;
        const found = await readWith(chosen.picture, chosen.options, formats, maxSymbols);
        if (found.length > 0) return kind === 'doubled' ? found.map(halved) : found;
      }
      return [];
    },
  };
}

/** Corners read on the doubled picture, back in the frame's pixels. */
function halved(code: DecodedBarcode): DecodedBarcode {
  if (!code.corners) return code;
  const half = (p: { x: number; y: number }) => ({ x: p.x / 2, y: p.y / 2 });
  const { topLeft, topRight, bottomRight, bottomLeft } = code.corners;
  return {
    ...code,
    corners: {
      topLeft: half(topLeft),
      topRight: half(topRight),
      bottomRight: half(bottomRight),
      bottomLeft: half(bottomLeft),
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
