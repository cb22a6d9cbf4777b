import {
  type PDFFont,
  type PDFPage,
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setLineWidth,
  setStrokingGrayscaleColor,
  stroke,
} from 'pdf-lib';
import type { FontWeight, PageLayout, TextMeasure } from './page-layout';
import { toWinAnsi } from './win-ansi';

/*
 * Paints page layouts into a PDF with pdf-lib and the standard Helvetica pair: no font file is
 * embedded, so a label is a few kilobytes and renders in milliseconds. Every text goes through
 * toWinAnsi (win-ansi.ts) first, for measuring as for drawing, so layouts measure what is drawn.
 * Bars and frames are written as raw `re f` / `re S` operators, one graphics state for the page,
 * which keeps a barcode's 60-odd bars cheap and exact (no rounding of positions).
 */

export interface RenderOptions {
  /** The PDF's Title, shown by viewers and print queues. */
  title: string;
}

/** Lays out with the real font metrics, then paints. Same input, same bytes (no dates or ids are written). */
export async function renderPdf(
  options: RenderOptions,
  layout: (measure: TextMeasure) => PageLayout[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(toWinAnsi(options.title));
  const fonts: Record<FontWeight, PDFFont> = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const measure: TextMeasure = (text, size, weight) => fonts[weight].widthOfTextAtSize(toWinAnsi(text), size);
  for (const page of layout(measure)) paint(doc.addPage([page.width, page.height]), page, fonts);
  return doc.save();
}

function paint(page: PDFPage, layout: PageLayout, fonts: Record<FontWeight, PDFFont>): void {
  const top = layout.height;
  const shapes = [pushGraphicsState(), setFillingGrayscaleColor(0), setStrokingGrayscaleColor(0)];
  for (const mark of layout.marks) {
    if (mark.kind === 'bar') {
      shapes.push(rectangle(mark.x, top - mark.y - mark.height, mark.width, mark.height), fill());
    } else if (mark.kind === 'frame') {
      shapes.push(
        setLineWidth(mark.lineWidth),
        rectangle(mark.x, top - mark.y - mark.height, mark.width, mark.height),
        stroke(),
      );
    }
  }
  shapes.push(popGraphicsState());
  page.pushOperators(...shapes);
  for (const mark of layout.marks) {
    if (mark.kind !== 'text') continue;
    page.drawText(toWinAnsi(mark.text), {
      x: mark.x,
      y: top - mark.y,
      size: mark.size,
      font: fonts[mark.weight],
    });
  }
}
