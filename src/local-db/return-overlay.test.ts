import { describe, expect, it } from 'vitest';
import { returnKey } from './local-returns';
import { applyCommand, foldOverlay } from './overlay';
import type { OutboxRecord } from './outbox-record';
import { cmd, order, ORDER, record } from './testing/order-fixture';

describe('a return in the outbox', () => {
  it('changes nothing on the replica’s order, and folds without blocking the order’s commands', () => {
    const returnId = '5b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
    const taken: OutboxRecord = {
      ...record({ ...cmd('return.submit', {}), args: { returnId, orderId: ORDER, units: [] } }),
      entityKeys: [returnKey(returnId)],
    };
    expect(applyCommand(order(), taken)).toEqual(order());
    const claim = record(cmd('order.claim', {}));
    const folded = foldOverlay(order(), [taken, claim], 0);
    expect(folded.order.status).toBe('picking');
    expect(folded.foldedIds).toContain(claim.id);
  });
});
