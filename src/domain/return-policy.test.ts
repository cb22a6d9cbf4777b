import { describe, expect, it } from 'vitest';
import type { ReturnContext, ReturnOrderLine, ReturnRequestLine } from './return-policy';
import { checkReturn, defaultReturnPolicy, ruleFor } from './return-policy';

// Order W2041, collected at the Milan store on Sunday 1 March 2026 at 10:00 (CET).
const line = (overrides: Partial<ReturnOrderLine> & { lineId: string }): ReturnOrderLine => ({
  sku: 'SNK-ROMA-WHT-42',
  category: 'footwear',
  orderedQty: 1,
  shortQty: 0,
  returnedQty: 0,
  returnable: true,
  finalSale: false,
  ...overrides,
});

const order = {
  orderedAt: '2026-02-26T18:12:00Z',
  receivedAt: '2026-03-01T09:00:00Z',
  lines: [
    line({ lineId: 'sneakers' }),
    line({ lineId: 'tee', sku: 'TEE-BASIC-BLK-M', category: 'apparel', orderedQty: 3, shortQty: 1 }),
    line({ lineId: 'earbuds', sku: 'EAR-PULSE-BLK', category: 'electronics' }),
    line({ lineId: 'serum', sku: 'SRM-VITC-30ML', category: 'beauty' }),
    line({ lineId: 'earrings', sku: 'EAR-HOOP-GLD', category: 'accessories', returnable: false }),
    line({ lineId: 'parka', sku: 'PRK-ALPS-NVY-L', category: 'apparel', finalSale: true }),
  ],
};

const at = (now: string, overrides: Partial<ReturnContext['order']> = {}): ReturnContext => ({
  order: { ...order, ...overrides },
  now,
  timeZone: 'Europe/Rome',
});

const ask = (lineId: string, more: Partial<ReturnRequestLine> = {}): ReturnRequestLine => ({
  lineId,
  qty: 1,
  reason: 'tooSmall',
  condition: 'new',
  ...more,
});

const check = (context: ReturnContext, ...lines: ReturnRequestLine[]) =>
  checkReturn({ lines }, context, defaultReturnPolicy);

const codes = (context: ReturnContext, request: ReturnRequestLine) =>
  check(context, request).lines[0]?.violations.map((v) => v.code);

describe('checkReturn: the window', () => {
  it('takes footwear back up to the end of the 30th day after collection, store time', () => {
    // 31 March 23:30 in Milan (CEST) is 21:30 UTC; 00:30 on 1 April is 22:30 UTC.
    expect(check(at('2026-03-31T21:30:00Z'), ask('sneakers')).allowed).toBe(true);
    const late = check(at('2026-03-31T22:30:00Z'), ask('sneakers'));
    expect(late.allowed).toBe(false);
    expect(late.lines[0]?.violations).toEqual([
      {
        code: 'return.windowExpired',
        overridable: true,
        details: {
          category: 'footwear',
          windowDays: 30,
          daysSinceReceipt: 31,
          countedFrom: 'received',
          receivedOn: '2026-03-01',
          lastDay: '2026-03-31',
        },
      },
    ]);
  });

  it('gives electronics 14 days, and says how long ago they were bought', () => {
    expect(codes(at('2026-03-15T12:00:00Z'), ask('earbuds'))).toEqual([]);
    const context = at('2026-04-15T12:00:00Z');
    const [earbuds] = check(context, ask('earbuds', { reason: 'changedMind' })).lines;
    // "Received 45 days ago; the window for electronics is 14 days."
    expect(earbuds?.violations[0]?.details).toMatchObject({
      category: 'electronics',
      windowDays: 14,
      daysSinceReceipt: 45,
    });
    // On day 20 the earbuds are late, a tee (apparel, 30 days) is not.
    expect(codes(at('2026-03-21T12:00:00Z'), ask('earbuds'))).toEqual(['return.windowExpired']);
    expect(codes(at('2026-03-21T12:00:00Z'), ask('tee'))).toEqual([]);
  });

  it('counts from the order date when the collection was not recorded', () => {
    const [sneakers] = check(at('2026-03-29T12:00:00Z', { receivedAt: null }), ask('sneakers')).lines;
    expect(sneakers?.violations[0]?.details).toMatchObject({
      countedFrom: 'ordered',
      receivedOn: '2026-02-26',
      lastDay: '2026-03-28',
    });
  });

  it('counts the day of a late-night collection in the store calendar', () => {
    // Collected at 00:30 on 2 March in Milan, which is still 1 March in UTC: earbuds may come
    // back until the end of 16 March, one day later than a UTC count would allow.
    const context = at('2026-03-16T20:00:00Z', { receivedAt: '2026-03-01T23:30:00Z' });
    expect(check(context, ask('earbuds')).allowed).toBe(true);
    // A New York store: collected at 23:30 on 1 March (04:30 UTC on the 2nd); the window ends
    // at the end of 15 March there, which is 04:00 UTC on the 16th (after the switch to EDT).
    const ny = (now: string): ReturnContext => ({
      ...at(now, { receivedAt: '2026-03-02T04:30:00Z' }),
      timeZone: 'America/New_York',
    });
    expect(check(ny('2026-03-16T03:59:00Z'), ask('earbuds')).allowed).toBe(true);
    expect(codes(ny('2026-03-16T04:01:00Z'), ask('earbuds'))).toEqual(['return.windowExpired']);
  });

  it('uses the default rule for a category without its own', () => {
    expect(ruleFor(defaultReturnPolicy, 'toys')).toEqual(defaultReturnPolicy.defaultRule);
    expect(ruleFor(defaultReturnPolicy, 'electronics').windowDays).toBe(14);
  });
});

describe('checkReturn: what may come back', () => {
  const inTime = at('2026-03-05T10:00:00Z');

  it('refuses final-sale lines and hygiene goods', () => {
    expect(codes(inTime, ask('parka'))).toEqual(['return.finalSale']);
    expect(codes(inTime, ask('earrings'))).toEqual(['return.nonReturnable']);
  });

  it('takes beauty back only sealed', () => {
    expect(codes(inTime, ask('serum'))).toEqual([]);
    const [serum] = check(inTime, ask('serum', { condition: 'opened' })).lines;
    expect(serum?.violations).toEqual([
      {
        code: 'return.conditionNotAccepted',
        overridable: true,
        details: { category: 'beauty', condition: 'opened', accepted: ['new'] },
      },
    ]);
    expect(codes(inTime, ask('sneakers', { condition: 'opened' }))).toEqual([]);
    expect(codes(inTime, ask('sneakers', { condition: 'damaged' }))).toEqual(['return.conditionNotAccepted']);
  });

  it('always accepts what arrived damaged or was the wrong item, whatever the rules', () => {
    const months = at('2026-05-20T10:00:00Z');
    expect(codes(months, ask('parka', { reason: 'damagedOnArrival', condition: 'damaged' }))).toEqual([]);
    expect(codes(months, ask('earrings', { reason: 'wrongItemSent', condition: 'opened' }))).toEqual([]);
    // A customer who changed their mind is still held to the window.
    expect(codes(months, ask('sneakers', { reason: 'changedMind' }))).toEqual(['return.windowExpired']);
  });

  it('refuses a reason the chain does not list, and a line not on the order', () => {
    const [odd] = check(inTime, ask('sneakers', { reason: 'giftUnwanted' })).lines;
    expect(odd?.violations[0]).toMatchObject({
      code: 'return.unknownReason',
      overridable: false,
      details: { reason: 'giftUnwanted' },
    });
    expect(codes(inTime, ask('socks'))).toEqual(['return.unknownLine']);
    expect(codes(inTime, ask('sneakers', { qty: 0 }))).toEqual(['return.badQuantity']);
  });
});

describe('checkReturn: quantities', () => {
  const inTime = (returnedQty: number) =>
    at('2026-03-10T10:00:00Z', {
      lines: order.lines.map((l) => (l.lineId === 'tee' ? { ...l, returnedQty } : l)),
    });

  it('takes back at most what was delivered, over two visits', () => {
    // 3 tees ordered, 1 picked short: 2 delivered.
    const first = check(inTime(0), ask('tee', { qty: 3 })).lines[0];
    expect(first?.violations).toEqual([
      {
        code: 'return.qtyExceedsReturnable',
        overridable: false,
        details: {
          sku: 'TEE-BASIC-BLK-M',
          qty: 3,
          ordered: 3,
          delivered: 2,
          alreadyReturned: 0,
          inThisReturn: 0,
          returnable: 2,
        },
      },
    ]);
    expect(check(inTime(0), ask('tee')).allowed).toBe(true);
    // Second visit: one came back last week, so one more may.
    expect(codes(inTime(1), ask('tee', { qty: 2 }))).toEqual(['return.qtyExceedsReturnable']);
    expect(check(inTime(1), ask('tee')).allowed).toBe(true);
    // Third visit: nothing left to return.
    expect(codes(inTime(2), ask('tee'))).toEqual(['return.alreadyReturned']);
  });

  it('adds up a line that appears twice in one return', () => {
    const evaluation = check(
      inTime(0),
      ask('tee', { reason: 'tooLarge' }),
      ask('tee', { reason: 'damagedOnArrival', condition: 'damaged' }),
      ask('tee', { reason: 'tooLarge' }),
    );
    expect(evaluation.lines.map((l) => l.allowed)).toEqual([true, true, false]);
    expect(evaluation.lines[2]?.violations.map((v) => v.code)).toEqual(['return.alreadyReturned']);
    expect(evaluation.allowed).toBe(false);
  });
});
