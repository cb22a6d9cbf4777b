import { describe, expect, it } from 'vitest';
import { foldOverlay } from './overlay';
import type { OutboxRecord } from './outbox-record';
import { cmd, order, record } from './testing/order-fixture';

describe('a reservation at another store in the outbox', () => {
  it('is its own entity: it folds onto no order of the replica, before or after its order commands', () => {
    const reservationId = '3f2a9c1b-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
    const reservation: OutboxRecord = {
      ...record({ ...cmd('stock.reserveElsewhere', {}), args: { reservationId, storeId: 'MI02', qty: 1 } }),
      entityKeys: [`reservation:${reservationId}`],
      orderNumber: null,
    };
    const claim = record(cmd('order.claim', {}));
    const folded = foldOverlay(order(), [reservation, claim], 0);
    expect(folded.foldedIds).toEqual([claim.id]);
    expect(folded.order.status).toBe('picking');
    expect(foldOverlay(order(), [reservation], 0)).toEqual({ order: order(), foldedIds: [] });
  });
});
