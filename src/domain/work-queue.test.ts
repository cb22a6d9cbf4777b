import { describe, expect, it } from 'vitest';
import { needsWork, nextOrderToClaim, queueGroupOf, sortForWork, type QueueOrder } from './work-queue';

const me = 'a-me';
const other = 'a-other';

function order(id: string, patch: Partial<QueueOrder>): QueueOrder {
  return {
    id,
    status: 'new',
    fulfillmentType: 'pickup',
    promisedAt: '2030-01-01T12:00:00Z',
    claimedBy: null,
    assignedTo: null,
    ...patch,
  };
}

const at = (hh: string) => `2030-01-01T${hh}:00:00Z`;

describe('queueGroupOf', () => {
  it('puts new in-store orders in "new" and ship-to-store ones waiting for their parcel', () => {
    expect(queueGroupOf(order('1', {}), me)).toBe('new');
    expect(queueGroupOf(order('1', { fulfillmentType: 'ship_to_store' }), me)).toBe('waiting');
  });

  it('tells mine from others in progress, through picked and packed', () => {
    for (const status of ['picking', 'picked', 'packed'] as const) {
      expect(queueGroupOf(order('1', { status, claimedBy: { id: me } }), me)).toBe('mine');
      expect(queueGroupOf(order('1', { status, claimedBy: { id: other } }), me)).toBe('others');
    }
  });

  it('keeps ready orders waiting and closed ones closed, unless units must go back', () => {
    expect(queueGroupOf(order('1', { status: 'ready' }), me)).toBe('waiting');
    for (const status of ['collected', 'shipped', 'cancelled', 'expired'] as const) {
      expect(queueGroupOf(order('1', { status }), me)).toBe('closed');
    }
    expect(queueGroupOf(order('1', { status: 'cancelled', claimedBy: { id: me } }), me, true)).toBe('mine');
    expect(needsWork('mine') && !needsWork('waiting') && !needsWork('closed')).toBe(true);
  });
});

describe('sortForWork', () => {
  it('puts work first (new, mine, others), each by promise, then waiting, then closed', () => {
    const orders = [
      order('ready-early', { status: 'ready', promisedAt: at('08') }),
      order('others', { status: 'picking', claimedBy: { id: other }, promisedAt: at('09') }),
      order('new-late', { promisedAt: at('15') }),
      order('mine', { status: 'picking', claimedBy: { id: me }, promisedAt: at('14') }),
      order('closed', { status: 'collected', promisedAt: at('07') }),
      order('new-early', { promisedAt: at('10') }),
      order('new-none', { promisedAt: null }),
    ];
    const sorted = sortForWork(
      orders,
      (o) => o,
      (o) => queueGroupOf(o, me),
    );
    expect(sorted.map((o) => o.id)).toEqual([
      'new-early',
      'new-late',
      'new-none',
      'mine',
      'others',
      'ready-early',
      'closed',
    ]);
  });
});

describe('nextOrderToClaim', () => {
  it('claims the most urgent unclaimed new order', () => {
    const orders = [
      order('later', { promisedAt: at('12') }),
      order('sooner', { promisedAt: at('10') }),
      order('claimed', { status: 'picking', claimedBy: { id: other }, promisedAt: at('08') }),
    ];
    expect(nextOrderToClaim(orders, me)?.id).toBe('sooner');
  });

  it('skips orders assigned to someone else and parcels not yet in, but takes one assigned to me', () => {
    const orders = [
      order('theirs', { promisedAt: at('08'), assignedTo: { id: other } }),
      order('parcel', { promisedAt: at('09'), fulfillmentType: 'ship_to_store' }),
      order('assigned-to-me', { promisedAt: at('11'), assignedTo: { id: me } }),
      order('anyone', { promisedAt: at('12') }),
    ];
    expect(nextOrderToClaim(orders, me)?.id).toBe('assigned-to-me');
  });

  it('is null when nothing new waits', () => {
    expect(nextOrderToClaim([order('1', { status: 'ready' })], me)).toBeNull();
  });
});
