import { describe, expect, it } from 'vitest';
import type { NotificationContext } from './notification-context';
import { renderNotification } from './render-notification';
import { testNotificationContext } from './testing/notification-context';

/** The customer's messages from the counter (ADR 0047): what left, what was refused, what waits. */
const context = (overrides: Partial<NotificationContext>): NotificationContext =>
  testNotificationContext({
    kind: 'partially_collected',
    productNames: new Map([
      ['SKU-1', { it: 'Scarpa da corsa', en: 'Running shoe' }],
      ['SKU-2', { it: 'Calzini', en: 'Socks' }],
    ]),
    ...overrides,
  });

describe('messages from the counter', () => {
  it('a partial handover lists what the customer took and what still waits', async () => {
    const { email, sms } = await renderNotification(
      context({
        payload: {
          lines: [{ lineId: 'a', sku: 'SKU-1', qty: 1 }],
          staged: [{ lineId: 'b', sku: 'SKU-2', qty: 2 }],
        },
      }),
    );
    expect(email?.subject).toBe('You collected part of your order A-10042');
    expect(email?.text).toContain('You collected: 1 × Running shoe.');
    expect(email?.text).toContain('Still waiting for you at Aisle Milano Duomo: 2 × Socks.');
    expect(sms).toContain('2 × Socks');
  });

  it('a refusal lists the refused units, the refund and what still waits, in Italian', async () => {
    const { email } = await renderNotification(
      context({
        kind: 'items_refused',
        language: 'it',
        payload: {
          refused: [{ lineId: 'a', sku: 'SKU-1', qty: 1 }],
          staged: [{ lineId: 'b', sku: 'SKU-2', qty: 1 }],
          refundCents: 4990,
        },
      }),
    );
    expect(email?.subject).toBe("Articoli rifiutati al ritiro dell'ordine A-10042");
    expect(email?.text).toContain('hai rifiutato: 1 × Scarpa da corsa.');
    expect(email?.text).toMatch(/Ti rimborsiamo 49,90\s€/);
    expect(email?.text).toContain('Ti aspetta ancora: 1 × Calzini.');
  });

  it('a refusal the device could not price says nothing of money, and nothing waits after it', async () => {
    const { email } = await renderNotification(
      context({
        kind: 'items_refused',
        payload: { refused: [{ lineId: 'a', sku: 'SKU-2', qty: 2 }], staged: [], refundCents: null },
      }),
    );
    expect(email?.text).toContain('you refused: 2 × Socks.');
    expect(email?.text).not.toContain('refunding');
    expect(email?.text).not.toContain('Still waiting');
  });
});
