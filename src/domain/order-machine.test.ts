import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { DomainError, isDomainError } from './domain-error';
import {
  assertStatus,
  canApply,
  closedStatuses,
  fulfillmentTypes,
  isHandedOverInStore,
  isOpen,
  nextStatus,
  openStatuses,
  orderErrorCodes,
  orderEvents,
  orderStatuses,
  type FulfillmentType,
  type OrderEvent,
  type OrderStatus,
} from './order-machine';

const inStoreTypes = [
  'pickup',
  'curbside',
  'reserve_and_collect',
] as const satisfies readonly FulfillmentType[];

/** Runs a sequence of events from `new`, returning every status visited. */
function walk(fulfillmentType: FulfillmentType, events: readonly OrderEvent[]): OrderStatus[] {
  let status: OrderStatus = 'new';
  const seen: OrderStatus[] = [status];
  for (const event of events) {
    status = nextStatus({ status, fulfillmentType }, event);
    seen.push(status);
  }
  return seen;
}

describe('fulfilment types', () => {
  it('hands over pickup, curbside and reserve-and-collect in store; ship-from-store leaves by carrier', () => {
    expect(fulfillmentTypes).toEqual([
      'pickup',
      'curbside',
      'ship_from_store',
      'reserve_and_collect',
      'ship_to_store',
    ]);
    for (const type of inStoreTypes) expect(isHandedOverInStore(type)).toBe(true);
    expect(isHandedOverInStore('ship_from_store')).toBe(false);
    expect(isHandedOverInStore('ship_to_store')).toBe(true);
  });
});

describe('happy paths', () => {
  it.each(inStoreTypes)('%s: new → picking → picked → ready → collected', (type) => {
    expect(walk(type, ['claim', 'finishPick', 'stage', 'handover'])).toEqual([
      'new',
      'picking',
      'picked',
      'ready',
      'collected',
    ]);
  });

  it('ship_from_store: new → picking → picked → packed → shipped', () => {
    expect(walk('ship_from_store', ['claim', 'finishPick', 'pack', 'ship'])).toEqual([
      'new',
      'picking',
      'picked',
      'packed',
      'shipped',
    ]);
  });

  it('ship_to_store: new → ready on receiving the parcel → collected', () => {
    expect(walk('ship_to_store', ['receive', 'handover'])).toEqual(['new', 'ready', 'collected']);
  });

  it('ship_to_store: an arrived parcel nobody collects expires; one still on its way can be cancelled', () => {
    expect(walk('ship_to_store', ['receive', 'expire']).at(-1)).toBe('expired');
    expect(walk('ship_to_store', ['cancel'])).toEqual(['new', 'cancelled']);
  });

  it('a picker can release an order back to the queue and another can claim it', () => {
    expect(walk('pickup', ['claim', 'release', 'claim', 'finishPick'])).toEqual([
      'new',
      'picking',
      'new',
      'picking',
      'picked',
    ]);
  });

  it.each(inStoreTypes)('%s: an order nobody collects expires from ready', (type) => {
    expect(walk(type, ['claim', 'finishPick', 'stage', 'expire']).at(-1)).toBe('expired');
  });
});

/**
 * The lifecycle written out by hand, independently of the implementation's table:
 * for each family of fulfilment types, the legal (status, event) → next status pairs.
 * Everything not listed must be refused.
 */
const legalInStore: Partial<Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>>> = {
  new: { claim: 'picking', cancel: 'cancelled' },
  picking: { release: 'new', finishPick: 'picked', cancel: 'cancelled' },
  picked: { stage: 'ready', cancel: 'cancelled' },
  ready: { handover: 'collected', expire: 'expired', cancel: 'cancelled' },
  // Not reachable for an in-store order, but the status is open, so cancel is allowed.
  packed: { cancel: 'cancelled' },
};
const legalShipped: Partial<Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>>> = {
  new: { claim: 'picking', cancel: 'cancelled' },
  picking: { release: 'new', finishPick: 'picked', cancel: 'cancelled' },
  picked: { pack: 'packed', cancel: 'cancelled' },
  packed: { ship: 'shipped', cancel: 'cancelled' },
  // Not reachable for a ship-from-store order, but the status is open, so cancel is allowed.
  ready: { cancel: 'cancelled' },
};
const legalInbound: Partial<Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>>> = {
  new: { receive: 'ready', cancel: 'cancelled' },
  ready: { handover: 'collected', expire: 'expired', cancel: 'cancelled' },
  // Not reachable for a ship-to-store order, but the statuses are open, so cancel is allowed.
  picking: { cancel: 'cancelled' },
  picked: { cancel: 'cancelled' },
  packed: { cancel: 'cancelled' },
};
const inStoreOnly: readonly OrderEvent[] = ['stage', 'handover', 'expire'];
const shippedOnly: readonly OrderEvent[] = ['pack', 'ship'];
const pickedOnly: readonly OrderEvent[] = ['claim', 'release', 'finishPick'];

type Case = { type: FulfillmentType; status: OrderStatus; event: OrderEvent; expected: OrderStatus | string };

const cases: Case[] = fulfillmentTypes.flatMap((type) => {
  const inbound = type === 'ship_to_store';
  const inStore = type !== 'ship_from_store';
  const legal = inbound ? legalInbound : inStore ? legalInStore : legalShipped;
  const wrongType = inbound
    ? [...shippedOnly, ...pickedOnly, 'stage']
    : [...(inStore ? shippedOnly : inStoreOnly), 'receive'];
  return orderStatuses.flatMap((status) =>
    orderEvents.map((event): Case => {
      const to = legal[status]?.[event];
      const expected = wrongType.includes(event)
        ? orderErrorCodes.notForFulfillmentType
        : (to ?? orderErrorCodes.illegalTransition);
      return { type, status, event, expected };
    }),
  );
});

describe('the transition table, exhaustively', () => {
  it('covers every fulfilment type × status × event', () => {
    expect(cases).toHaveLength(5 * 9 * 10);
  });

  it.each(cases)('$type: $status + $event → $expected', ({ type, status, event, expected }) => {
    const order = { status, fulfillmentType: type };
    if ((orderStatuses as readonly string[]).includes(expected)) {
      expect(nextStatus(order, event)).toBe(expected);
      expect(canApply(order, event)).toBe(true);
      return;
    }
    const error = domainErrorOf(() => nextStatus(order, event));
    expect(error.code).toBe(expected);
    if (expected === orderErrorCodes.illegalTransition) {
      expect(error.details).toMatchObject({ from: status, event });
      expect(error.details?.allowedFrom).not.toContain(status);
    } else {
      expect(error.details).toEqual({ event, fulfillmentType: type });
    }
    expect(canApply(order, event)).toBe(false);
  });
});

describe('refusals that matter on the shop floor', () => {
  it('refuses to stage or hand over a ship-from-store order, whatever its status', () => {
    for (const status of ['picked', 'ready'] as const) {
      expect(() => nextStatus({ status, fulfillmentType: 'ship_from_store' }, 'stage')).toThrow(
        expect.objectContaining({ code: 'order.notForFulfillmentType' }),
      );
      expect(() => nextStatus({ status, fulfillmentType: 'ship_from_store' }, 'handover')).toThrow(
        expect.objectContaining({ code: 'order.notForFulfillmentType' }),
      );
    }
  });

  it('refuses to pack or ship a pickup order', () => {
    expect(() => nextStatus({ status: 'picked', fulfillmentType: 'pickup' }, 'pack')).toThrow(
      expect.objectContaining({
        code: 'order.notForFulfillmentType',
        details: { event: 'pack', fulfillmentType: 'pickup' },
      }),
    );
    expect(() => nextStatus({ status: 'packed', fulfillmentType: 'pickup' }, 'ship')).toThrow(
      expect.objectContaining({ code: 'order.notForFulfillmentType' }),
    );
  });

  it('refuses to hand over an order that is still being picked', () => {
    const error = domainErrorOf(() =>
      nextStatus({ status: 'picking', fulfillmentType: 'curbside' }, 'handover'),
    );
    expect(error.code).toBe('order.illegalTransition');
    expect(error.details).toEqual({ event: 'handover', from: 'picking', allowedFrom: ['ready'] });
  });

  it('refuses to hand over twice', () => {
    expect(() => nextStatus({ status: 'collected', fulfillmentType: 'pickup' }, 'handover')).toThrow(
      expect.objectContaining({
        code: 'order.illegalTransition',
        details: expect.objectContaining({ from: 'collected' }),
      }),
    );
  });

  it('refuses to release an order that has finished picking', () => {
    expect(() => nextStatus({ status: 'picked', fulfillmentType: 'pickup' }, 'release')).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
  });

  it('says "wrong type" before "wrong status" when both apply', () => {
    expect(() => nextStatus({ status: 'shipped', fulfillmentType: 'ship_from_store' }, 'handover')).toThrow(
      expect.objectContaining({ code: 'order.notForFulfillmentType' }),
    );
  });
});

describe('cancel', () => {
  it.each(fulfillmentTypes)('%s: allowed from every open status', (type) => {
    for (const status of openStatuses) {
      expect(nextStatus({ status, fulfillmentType: type }, 'cancel')).toBe('cancelled');
    }
  });

  it.each(fulfillmentTypes)('%s: refused from every closed status', (type) => {
    for (const status of closedStatuses) {
      expect(() => nextStatus({ status, fulfillmentType: type }, 'cancel')).toThrow(
        expect.objectContaining({
          code: 'order.illegalTransition',
          details: expect.objectContaining({ from: status }),
        }),
      );
    }
  });
});

describe('open and closed statuses', () => {
  it('split every status into exactly one of open or closed', () => {
    expect([...openStatuses, ...closedStatuses].sort()).toEqual([...orderStatuses].sort());
    for (const status of openStatuses) expect(closedStatuses).not.toContain(status);
  });

  it('isOpen agrees with the lists', () => {
    for (const status of openStatuses) expect(isOpen(status)).toBe(true);
    for (const status of closedStatuses) expect(isOpen(status)).toBe(false);
  });

  it('lets no event leave a closed status', () => {
    for (const fulfillmentType of fulfillmentTypes) {
      for (const status of closedStatuses) {
        for (const event of orderEvents) expect(canApply({ status, fulfillmentType }, event)).toBe(false);
      }
    }
  });

  it('offers every reachable open status at least one way forward', () => {
    for (const fulfillmentType of fulfillmentTypes) {
      for (const status of openStatuses) {
        const forward = orderEvents.filter((e) => e !== 'cancel' && canApply({ status, fulfillmentType }, e));
        const reachable =
          fulfillmentType === 'ship_from_store'
            ? status !== 'ready'
            : fulfillmentType === 'ship_to_store'
              ? status === 'new' || status === 'ready'
              : status !== 'packed';
        if (reachable) expect(forward.length, `${fulfillmentType} ${status}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('canApply', () => {
  it('agrees with nextStatus for every type × status × event', () => {
    for (const fulfillmentType of fulfillmentTypes) {
      for (const status of orderStatuses) {
        for (const event of orderEvents) {
          const order = { status, fulfillmentType };
          let threw = false;
          try {
            nextStatus(order, event);
          } catch (error) {
            expect(isDomainError(error)).toBe(true);
            threw = true;
          }
          expect(canApply(order, event), `${fulfillmentType} ${status} ${event}`).toBe(!threw);
        }
      }
    }
  });
});

describe('assertStatus', () => {
  it('passes silently when the status is allowed', () => {
    expect(() => assertStatus({ status: 'picking' }, ['picking'], 'pick')).not.toThrow();
    expect(() => assertStatus({ status: 'picked' }, ['picking', 'picked'], 'short')).not.toThrow();
  });

  it('throws order.illegalTransition naming the action, the status and what was allowed', () => {
    const error = domainErrorOf(() => assertStatus({ status: 'ready' }, ['picking'], 'pick'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('order.illegalTransition');
    expect(error.details).toEqual({ event: 'pick', from: 'ready', allowedFrom: ['picking'] });
    expect(error.message).toContain('ready');
    expect(error.message).toContain('pick');
  });

  it('refuses everything when nothing is allowed', () => {
    expect(() => assertStatus({ status: 'new' }, [], 'anything')).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
  });
});
