import type { BarcodeFormat as ZxingFormat, DecodeHintType, Reader, Result } from '@zxing/library';
import { BarcodeFormat } from './barcode-format';
import type { DecodedBarcode } from './decoded-barcode';
import type { DecoderEngine } from './decoder-engine';
import { groupSeparator } from './gs1';
import { toLuminance } from './luminance';
import { expandUpcE } from './upc-e';
import { zxing } from './zxing-library';

const zxingFormats: Record<BarcodeFormat, ZxingFormat> = {
  EAN_13: zxing.BarcodeFormat.EAN_13,
  EAN_8: zxing.BarcodeFormat.EAN_8,
  UPC_A: zxing.BarcodeFormat.UPC_A,
  UPC_E: zxing.BarcodeFormat.UPC_E,
  CODE_128: zxing.BarcodeFormat.CODE_128,
  CODE_39: zxing.BarcodeFormat.CODE_39,
  ITF: zxing.BarcodeFormat.ITF,
  QR_CODE: zxing.BarcodeFormat.QR_CODE,
  DATA_MATRIX: zxing.BarcodeFormat.DATA_MATRIX,
};

type Hints = Map<DecodeHintType, unknown>;

const ourFormats = new Map(
  Object.entries(zxingFormats).map(([ours, theirs]) => [theirs, ours as BarcodeFormat]),
);

const matrixReaders: Partial<Record<BarcodeFormat, () => Reader>> = {
  QR_CODE: () => new zxing.QRCodeReader(),
  DATA_MATRIX: () => new zxing.DataMatrixReader(),
};

/**
 * The fallback where WebAssembly cannot run: @zxing/library (a TypeScript port of ZXing Java),
 * one code per frame, no corners. It reports no symbology identifier; GS1 is recognised from
 * the text for Code 128 and Data Matrix only.
 *
 * The readers are driven here rather than through MultiFormatReader, which in 0.23 logs a
 * console warning for every reader that finds nothing: on every empty camera frame.
 */
export function createJsEngine(): DecoderEngine {
  const readerSets = new Map<string, { readers: Reader[]; hints: Hints }>();
  const readersFor = (formats: readonly BarcodeFormat[]) => {
    const key = formats.join(',');
    let set = readerSets.get(key);
    if (!set) {
      const hints: Hints = new Map<DecodeHintType, unknown>([
        [zxing.DecodeHintType.POSSIBLE_FORMATS, formats.map((format) => zxingFormats[format])],
        [zxing.DecodeHintType.TRY_HARDER, true],
        // Code 128 then prefixes a GS1-128 with "]C1" and turns every later FNC1 into ASCII 29.
        [zxing.DecodeHintType.ASSUME_GS1, true],
      ]);
      const readers = formats.flatMap((format) => matrixReaders[format]?.() ?? []);
      // Last, as MultiFormatReader orders them in try-harder mode: the 1D scan is the slowest.
      if (formats.some((format) => !matrixReaders[format]))
        readers.push(new zxing.MultiFormatOneDReader(hints));
      set = { readers, hints };
      readerSets.set(key, set);
    }
    return set;
  };
  return {
    name: 'js',
    passes: 1,
    async decode(frame, formats) {
      if (formats.length === 0) return [];
      const { readers, hints } = readersFor(formats);
      const source = new zxing.RGBLuminanceSource(toLuminance(frame), frame.width, frame.height);
      const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(source));
      for (const reader of readers) {
        try {
          const decoded = toDecoded(reader.decode(bitmap, hints));
          return decoded ? [decoded] : [];
        } catch (error) {
          // Not found, checksum and format errors all mean "no code here"; a TypeError is a bug.
          if (!(error instanceof zxing.Exception)) throw error;
        }
      }
      return [];
    },
  };
}

function toDecoded(result: Result): DecodedBarcode | undefined {
  const format = ourFormats.get(result.getBarcodeFormat());
  if (!format) return undefined;
  // ASSUME_GS1 also turns an FNC1 just before the stop into a trailing ASCII 29; zxing-cpp drops it.
  let text = result.getText();
  while (text.endsWith(groupSeparator)) text = text.slice(0, -1);
  if (format === BarcodeFormat.CODE_128 && text.startsWith(']C1')) {
    return { text: text.slice(3), format, symbologyIdentifier: ']C1', isGs1: true };
  }
  if (format === BarcodeFormat.DATA_MATRIX && text.startsWith(groupSeparator)) {
    // An FNC1 in first position, which this port writes out as a leading ASCII 29.
    return { text: text.slice(1), format, symbologyIdentifier: ']d2', isGs1: true };
  }
  if (format === BarcodeFormat.UPC_E) {
    const upcA = expandUpcE(text);
    return upcA ? { text: upcA, format, isGs1: false } : undefined;
  }
  return { text, format, isGs1: false };
}
