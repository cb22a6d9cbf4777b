import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { code128Bars } from '../pdf/code128-bars';
import { a4, type Mark, type TextMeasure } from '../pdf/page-layout';
import { readPdf } from '../shipping/testing/pdf-content';
import { returnReceiptOf } from './return-receipt';
import { refundedReturn } from './return-receipt.fixture';
import { layoutReturnReceipt, renderReturnReceipt } from './return-receipt-pdf';

const texts = (marks: Mark[]) => marks.flatMap((mark) => (mark.kind === 'text' ? [mark.text] : []));
const measure: TextMeasure = (text, size) => [...text].length * size * 0.5;
/** pdf-content decodes WinAnsi bytes 0x80–0x9f as C1 controls; put back the two a receipt uses. */
const winAnsi = (text: string) =>
  text.replaceAll('\u0080', '€').replaceAll('\u0095', '•').replaceAll('\u00a0', ' ');
/** Intl puts a no-break space between amount and currency; compare with plain spaces. */
const plain = (values: string[]) => values.map((v) => v.replaceAll('\u00a0', ' '));

describe('return receipt PDF', () => {
  it('renders an A4 page with the store, the number, its barcode, every unit and the money', async () => {
    const bytes = await renderReturnReceipt(returnReceiptOf(refundedReturn, 'it', 'Europe/Rome'));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Ricevuta di reso R-MI01-7F3A21');
    expect(doc.getPage(0).getSize()).toEqual({ width: a4.width, height: a4.height });
    const [page] = await readPdf(bytes);
    const all = page!.texts.map(winAnsi);
    expect(all).toEqual(
      expect.arrayContaining([
        'Ricevuta di reso',
        'Aisle Milano Duomo',
        'Corso Vittorio Emanuele II 24, 20122 Milano',
        'Ricevuta R-MI01-7F3A21',
        // 13:05 UTC is 14:05 in Milan in November.
        'Data: 22 novembre 2026 alle ore 14:05',
        'Cliente: Giulia <Ferri> & Co',
        'Servito da: Elena Caruso',
        'Ordine W7001001 del 18 nov 2026 · Aisle Milano Duomo · negozio online',
        'Stato: Rimborsato',
        'Articoli resi (3)',
        'T-shirt girocollo in cotone',
        'Troppo piccolo',
        'Arrivato danneggiato',
        'Danneggiato',
        'Non rivendibile',
        'Rimesso in vendita',
        'Reso al fornitore',
        // A reason the list does not know is printed as its code.
        'arrivedLate',
        '29,80 €',
        '-2,98 €',
        '26,82 €',
        '79,96 €',
        'Spedizione',
        '4,90 €',
        'Totale rimborsato',
        '111,68 €',
        'Rimborsato su: Visa •••• 4242',
        'Ricevuta R-MI01-7F3A21 · Pagina 1 di 1',
      ]),
    );
    // The receipt number as Code 128: one filled rectangle per bar.
    expect(page!.filledRects.length).toBe(code128Bars('R-MI01-7F3A21').bars.length);
  });

  it('speaks English when asked, and says what a return in review or declined means', () => {
    const english = plain(
      texts(layoutReturnReceipt(returnReceiptOf(refundedReturn, 'en', 'Europe/Rome'), measure)[0]!.marks),
    );
    expect(english).toEqual(
      expect.arrayContaining([
        'Return receipt',
        'Date: 22 November 2026 at 14:05',
        'Too small',
        'Back on sale',
        'Back to the supplier',
        '€29.80',
        '-€2.98',
        'Total refund',
        '€111.68',
        'Refunded to: Visa •••• 4242',
      ]),
    );

    const review = {
      ...refundedReturn,
      status: 'review' as const,
      refund: null,
      refundCents: 0,
      shippingRefundCents: 0,
    };
    const inReview = texts(
      layoutReturnReceipt(returnReceiptOf(review, 'en', 'Europe/Rome'), measure)[0]!.marks,
    );
    expect(inReview).toContain('Status: Waiting for a manager');
    expect(inReview.join(' ')).toContain('A manager will check this return.');
    expect(inReview).not.toContain('Total refund');

    const declined = {
      ...review,
      status: 'declined' as const,
      decision: {
        at: '2026-11-23T09:00:00.000Z',
        by: { id: 'm1', name: 'Anna Neri' },
        reason: 'Worn, tags removed',
      },
    };
    const refused = texts(
      layoutReturnReceipt(returnReceiptOf(declined, 'it', 'Europe/Rome'), measure)[0]!.marks,
    );
    expect(refused).toEqual(
      expect.arrayContaining(['Stato: Rifiutato', 'Motivo: Worn, tags removed', 'Restituito al cliente']),
    );
    expect(refused).not.toContain('Rimesso in vendita');
  });

  it('runs onto a second page for a long return, repeating the column titles', () => {
    const units = Array.from({ length: 60 }, (_, i) => ({ ...refundedReturn.units[0]!, unitNo: i + 1 }));
    const pages = layoutReturnReceipt(
      returnReceiptOf({ ...refundedReturn, units }, 'en', 'Europe/Rome'),
      measure,
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(texts(pages[1]!.marks)).toContain('Item');
    expect(texts(pages.at(-1)!.marks)).toContain(
      `Receipt R-MI01-7F3A21 · Page ${pages.length} of ${pages.length}`,
    );
    for (const page of pages)
      for (const mark of page.marks) expect(mark.y).toBeLessThanOrEqual(a4.height - 20);
  });
});
