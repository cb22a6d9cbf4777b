import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { a4, type Mark, type TextMeasure } from '../pdf/page-layout';
import { layoutPackingSlip, type PackingSlip, packingSlipWords, renderPackingSlip } from './packing-slip';
import { customer, store } from './testing/fixtures';
import { readPdf } from './testing/pdf-content';

const slip: PackingSlip = {
  language: 'it',
  orderNumber: 'A-10042',
  orderDate: '2026-02-28',
  customerName: 'Niccolò Bianchi',
  shipTo: customer,
  from: store,
  lines: [
    { sku: 'SHOE-42-BLU', name: 'Sneaker città blu, taglia 42', qtyOrdered: 1, qtyPacked: 1 },
    { sku: 'SOCK-M-3PK', name: 'Calze in cotone (3 paia)', qtyOrdered: 2, qtyPacked: 1 },
  ],
  packages: [
    { packageNumber: 1, type: 'box-m', weightGrams: 1250, trackingNumber: 'AISMI010000042X' },
    { packageNumber: 2, type: 'bag', weightGrams: 300, trackingNumber: 'AISMI010000043V' },
  ],
};

const texts = (marks: Mark[]) => marks.flatMap((mark) => (mark.kind === 'text' ? [mark.text] : []));
const measure: TextMeasure = (text, size) => [...text].length * size * 0.5;

describe('packing slip', () => {
  it('renders an A4 PDF with every line, its quantities and the packages, in the PDF text', async () => {
    const bytes = await renderPackingSlip(slip);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPage(0).getSize()).toEqual({ width: a4.width, height: a4.height });
    const [page] = await readPdf(bytes);
    expect(page?.texts).toEqual(
      expect.arrayContaining([
        'Distinta di imballaggio',
        'Ordine A-10042',
        'Cliente: Niccolò Bianchi',
        'SHOE-42-BLU',
        'Sneaker città blu, taglia 42',
        'SOCK-M-3PK',
        'Calze in cotone (3 paia)',
        '2',
        '1 *',
        '* Non incluso in questa spedizione.',
        'Colli (2)',
        'Scatola media',
        '1,25 kg',
        'AISMI010000043V',
        'Piazza della Città 3',
        'Ordine A-10042 · Pagina 1 di 1',
      ]),
    );
  });

  it('speaks English to an English customer, Italian to an Italian one', () => {
    const english = texts(layoutPackingSlip({ ...slip, language: 'en' }, measure)[0]!.marks);
    expect(english).toEqual(
      expect.arrayContaining(['Packing slip', 'SKU', 'Item', 'Ordered', 'Packed', 'Medium box', '1.25 kg']),
    );
    expect(english).toContain('Order date: February 28, 2026');
    const italian = texts(layoutPackingSlip(slip, measure)[0]!.marks);
    expect(italian).toEqual(expect.arrayContaining(['Codice', 'Articolo', 'Ordinati', 'Imballati']));
    expect(italian).toContain('Data ordine: 28 febbraio 2026');
    expect(italian.join(' ')).toContain(packingSlipWords('it').note.slice(0, 30));
  });

  it('prints the note given instead of the standard one', () => {
    const all = texts(layoutPackingSlip({ ...slip, note: 'Buon compleanno, Giulia!' }, measure)[0]!.marks);
    expect(all).toContain('Buon compleanno, Giulia!');
    expect(all.join(' ')).not.toContain('Grazie per il tuo ordine');
  });

  it('runs onto more pages when the lines do, repeating the column titles and numbering pages', () => {
    const lines = Array.from({ length: 70 }, (_, i) => ({
      sku: `SKU-${i + 1}`,
      name: `Articolo ${i + 1}`,
      qtyOrdered: 1,
      qtyPacked: 1,
    }));
    const pages = layoutPackingSlip({ ...slip, lines }, measure);
    expect(pages.length).toBe(2);
    const second = texts(pages[1]!.marks);
    expect(second).toContain('Codice');
    expect(second).toContain('Ordine A-10042 · Pagina 2 di 2');
    const skus = pages.flatMap((page) => texts(page.marks)).filter((t) => t.startsWith('SKU-'));
    expect(skus).toEqual(lines.map((line) => line.sku));
    for (const page of pages) {
      for (const mark of page.marks) expect(mark.y).toBeLessThanOrEqual(a4.height - 20);
    }
  });
});
