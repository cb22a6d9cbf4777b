// Tests only: what a PDF page really holds, read back from its bytes with pdf-lib.
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';

export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPageContent {
  width: number;
  height: number;
  /** Every shown string in drawing order, decoded from WinAnsi. */
  texts: string[];
  /** Rectangles painted with `re … f` (bars), in PDF coordinates (origin bottom-left). */
  filledRects: PdfRect[];
}

const winAnsi = new TextDecoder('windows-1252');

export async function readPdf(bytes: Uint8Array): Promise<PdfPageContent[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const source = refs
      .map((ref) => {
        const stream = doc.context.lookup(ref) as PDFRawStream;
        return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      })
      .join('\n');
    return { ...page.getSize(), ...parseOperators(source) };
  });
}

function parseOperators(source: string): Pick<PdfPageContent, 'texts' | 'filledRects'> {
  const texts: string[] = [];
  const filledRects: PdfRect[] = [];
  let pending: PdfRect[] = [];
  for (const line of source.split('\n')) {
    const shown = /^<([0-9A-Fa-f]*)> Tj$/.exec(line);
    if (shown) {
      texts.push(winAnsi.decode(Buffer.from(shown[1] ?? '', 'hex')));
      continue;
    }
    const rect = /^(\S+) (\S+) (\S+) (\S+) re$/.exec(line);
    if (rect) {
      const [x, y, width, height] = rect.slice(1).map(Number) as [number, number, number, number];
      pending.push({ x, y, width, height });
    } else if (line === 'f') {
      filledRects.push(...pending);
      pending = [];
    } else if (line === 'S') {
      pending = [];
    }
  }
  return { texts, filledRects };
}

/** The filled rectangles as a white RGBA image at `dpi`, black where a pixel's centre is inside one. */
export function rasterise(page: PdfPageContent, dpi: number) {
  const scale = dpi / 72;
  const width = Math.ceil(page.width * scale);
  const height = Math.ceil(page.height * scale);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const rect of page.filledRects) {
    const x0 = Math.round(rect.x * scale);
    const x1 = Math.round((rect.x + rect.width) * scale);
    const y0 = Math.round((page.height - rect.y - rect.height) * scale);
    const y1 = Math.round((page.height - rect.y) * scale);
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++)
        data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height };
}
