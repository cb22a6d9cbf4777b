import { productCodeOf } from '../common/scan-meaning';
import type { BarcodeFormat } from '../../scan/decode/barcode-format';

/** The GTIN-14 a code in view stands for (a retail code, GS1 AI 01, an in-store label), if any. */
export function gtinOfCode(text: string, format: string): string | undefined {
  const meaning = productCodeOf({ text, source: 'camera', format: format as BarcodeFormat });
  return meaning.ok ? meaning.value : undefined;
}
