import { describe, expect, it } from 'vitest';
import { refundedReturn } from './return-receipt.fixture';
import { escapeHtml, renderReturnReceiptEmail as render } from './return-receipt-email';

/** Intl puts a no-break space between amount and currency; compare with plain spaces. */
const renderReturnReceiptEmail = (...args: Parameters<typeof render>) => {
  const email = render(...args);
  const plain = (text: string) => text.replaceAll('\u00a0', ' ');
  return { subject: plain(email.subject), text: plain(email.text), html: plain(email.html) };
};

describe('return receipt e-mail', () => {
  it('is in Italian for an Italian customer, amounts in euros', () => {
    const email = renderReturnReceiptEmail(refundedReturn, 'it');
    expect(email.subject).toBe('Il tuo reso presso Aisle Milano Duomo: ricevuta R-MI01-7F3A21');
    expect(email.text).toContain('Gentile Giulia <Ferri> & Co,');
    expect(email.text).toContain('Stato: Rimborsato');
    expect(email.text).toContain(
      '- 2 × T-shirt girocollo in cotone: 29,80 €, sconto -2,98 €, rimborso 26,82 €',
    );
    expect(email.text).toContain('- Spedizione: 4,90 €');
    expect(email.text).toContain('Totale rimborsato: 111,68 €');
    expect(email.text).toContain('Rimborsato su: Visa •••• 4242');
    expect(email.html).toContain('<html lang="it">');
    expect(email.html).toContain('111,68 €');
  });

  it('is in English when asked', () => {
    const email = renderReturnReceiptEmail(refundedReturn, 'en');
    expect(email.subject).toBe('Your return at Aisle Milano Duomo: receipt R-MI01-7F3A21');
    expect(email.text).toContain('Date: 22 November 2026 at 14:05');
    expect(email.text).toContain('Total refund: €111.68');
    expect(email.text).toContain('- Cotton crew-neck T-shirt, size S: Too small; New; Back on sale');
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('<th scope="col">Reason</th>');
    expect(email.html).toContain('€26.82');
  });

  it('escapes what the customer and the order wrote, and fetches nothing', () => {
    const hostile = {
      ...refundedReturn,
      customerName: '<img src=x onerror=alert(1)>',
      storeName: 'Aisle "Duomo" & Co',
    };
    const { html, subject } = renderReturnReceiptEmail(hostile, 'en');
    expect(html).not.toContain('<img');
    expect(html).toContain('Dear &lt;img src=x onerror=alert(1)&gt;,');
    expect(html).toContain('Aisle &quot;Duomo&quot; &amp; Co');
    expect(html).toContain(`<title>${escapeHtml(subject)}</title>`);
    expect(html).not.toMatch(/<[^>]+\s(src|href)=/i);
    expect(html).not.toContain('<script');
  });

  it('tells a customer whose return waits for a manager that the refund follows the decision', () => {
    const review = { ...refundedReturn, status: 'review' as const, refund: null, refundCents: 0 };
    const email = renderReturnReceiptEmail(review, 'it');
    expect(email.text).toContain('Stato: In attesa di un responsabile');
    expect(email.text).toContain('Un responsabile verificherà questo reso.');
    expect(email.text).not.toContain('Totale rimborsato');
    expect(email.html).not.toContain('Rimborsato su');
  });
});
