// Node only: the ZXing blackbox layout (<root>/<set>/<image> + <image base>.txt, thresholds.json),
// read and scored through the app's own decoder, for the fixture tests and `npm run bench:scan`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { allBarcodeFormats, BarcodeFormat, gtinFormats, isBarcodeFormat } from '../barcode-format';
import type { Decoder } from '../create-decoder';
import type { DecodedBarcode } from '../decoded-barcode';
import { expandUpcE } from '../upc-e';
import { imageExtensions, readImageFrame } from './read-image-frame';

/** The copy committed with the repository (fixtures/zxing-blackbox/SOURCE.txt says where from). */
export const bundledBlackboxRoot: string = fileURLToPath(
  new URL('./fixtures/zxing-blackbox', import.meta.url),
);

/**
 * Where ZXing's blackbox images (Apache-2.0) are: `ZXING_BLACKBOX_DIR` if set (another folder with
 * the same layout), else the copy in the repository, so a clean clone runs the tests as they are.
 */
export const blackboxCandidates: readonly string[] = [
  ...(process.env.ZXING_BLACKBOX_DIR ? [resolve(process.env.ZXING_BLACKBOX_DIR)] : []),
  bundledBlackboxRoot,
];

export const blackboxRoot: string =
  blackboxCandidates.find((candidate) => existsSync(join(candidate, 'thresholds.json'))) ??
  blackboxCandidates[0]!;

export interface SetThresholds {
  images: number;
  /** Correct decodes ZXing's own test requires (TRY_HARDER, rotation 0). */
  tryHarder0: number;
  maxMisreads: number;
}

export interface BlackboxSample {
  image: string;
  expected: string;
  /** From <base>.metadata.txt, when the set gives one. */
  symbologyIdentifier?: string;
}

export interface BlackboxSet {
  name: string;
  /** The formats enabled while reading it: the set's own, or all when unknown. */
  formats: readonly BarcodeFormat[];
  thresholds?: SetThresholds;
  samples: BlackboxSample[];
}

export interface SetScore {
  images: number;
  decoded: number;
  misreads: number;
  medianMs: number;
  /** "<image>: got … expected …" for each misread, to print when a test fails. */
  misreadDetails: string[];
}

// Without thresholds.json a set's format comes from its name (ean13-2 → EAN_13), else all formats.
const formatByNamePrefix: [string, BarcodeFormat][] = [
  ['ean13', BarcodeFormat.EAN_13],
  ['ean8', BarcodeFormat.EAN_8],
  ['upca', BarcodeFormat.UPC_A],
  ['upce', BarcodeFormat.UPC_E],
  ['code128', BarcodeFormat.CODE_128],
  ['code39', BarcodeFormat.CODE_39],
  ['itf', BarcodeFormat.ITF],
  ['qrcode', BarcodeFormat.QR_CODE],
  ['datamatrix', BarcodeFormat.DATA_MATRIX],
];

interface ThresholdsFile {
  sets?: Record<string, { format?: string } & Partial<SetThresholds>>;
}

export function listBlackboxSets(root: string): BlackboxSet[] {
  const thresholdsPath = join(root, 'thresholds.json');
  const declared = existsSync(thresholdsPath)
    ? ((JSON.parse(readFileSync(thresholdsPath, 'utf8')) as ThresholdsFile).sets ?? {})
    : {};
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const entry = declared[name];
      const format = entry?.format && isBarcodeFormat(entry.format) ? entry.format : formatOfName(name);
      const thresholds =
        entry?.images !== undefined && entry.tryHarder0 !== undefined && entry.maxMisreads !== undefined
          ? { images: entry.images, tryHarder0: entry.tryHarder0, maxMisreads: entry.maxMisreads }
          : undefined;
      return {
        name,
        formats: format ? [format] : allBarcodeFormats,
        thresholds,
        samples: samplesIn(join(root, name)),
      };
    })
    .filter((set) => set.samples.length > 0);
}

function formatOfName(name: string): BarcodeFormat | undefined {
  return formatByNamePrefix.find(([prefix]) => name.toLowerCase().startsWith(prefix))?.[1];
}

function samplesIn(dir: string): BlackboxSample[] {
  return readdirSync(dir)
    .filter((file) => imageExtensions.includes(extname(file).toLowerCase()))
    .sort()
    .flatMap((file) => {
      const base = join(dir, basename(file, extname(file)));
      if (!existsSync(`${base}.txt`)) return [];
      const metadataPath = `${base}.metadata.txt`;
      const symbologyIdentifier = existsSync(metadataPath)
        ? /^SYMBOLOGY_IDENTIFIER=(\S+)$/m.exec(readFileSync(metadataPath, 'utf8'))?.[1]
        : undefined;
      return [{ image: join(dir, file), expected: readFileSync(`${base}.txt`, 'utf8'), symbologyIdentifier }];
    });
}

/**
 * Reads every image of the set through the decoder, one format enabled (as ZXing's own test
 * does) and one result per image. Only the decode is timed, not the reading of the file.
 */
export async function scoreSet(
  decoder: Decoder,
  set: BlackboxSet,
  onResult?: (sample: BlackboxSample, result: DecodedBarcode | undefined) => void,
): Promise<SetScore> {
  let decoded = 0;
  const misreadDetails: string[] = [];
  const times: number[] = [];
  for (const sample of set.samples) {
    const frame = readImageFrame(sample.image);
    const started = performance.now();
    const [result] = await decoder.decode(frame, { formats: set.formats });
    times.push(performance.now() - started);
    onResult?.(sample, result);
    if (!result) continue;
    if (sameContent(result, sample.expected)) decoded++;
    else
      misreadDetails.push(
        `${basename(sample.image)}: got ${JSON.stringify(result.text)}, expected ${JSON.stringify(sample.expected)}`,
      );
  }
  return {
    images: set.samples.length,
    decoded,
    misreads: misreadDetails.length,
    medianMs: median(times),
    misreadDetails,
  };
}

/** EAN/UPC compare as GTIN-13 (thresholds.json), so a UPC-A read as an EAN-13 still counts. */
function sameContent(result: DecodedBarcode, expected: string): boolean {
  if (result.text === expected) return true;
  if (!gtinFormats.includes(result.format) || !/^\d+$/.test(result.text)) return false;
  // The expected text of a UPC-E is its 8 digits; ours is the UPC-A it expands to.
  const expectedGtin =
    result.format === BarcodeFormat.UPC_E && expected.length === 8 ? expandUpcE(expected) : expected;
  return expectedGtin !== undefined && result.text.padStart(13, '0') === expectedGtin.padStart(13, '0');
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
