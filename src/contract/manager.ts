import { z } from 'zod';
import { kpiRanges } from '../domain/kpi-period';

// The manager's endpoints (/api/manager/*): assignment, the store's associates, KPIs.

export const managerErrorCodes = {
  /** The associate named is not an active associate of this store. */
  unknownAssociate: 'manager.unknownAssociate',
  /** The order is closed (collected, shipped, cancelled, expired): there is nothing to assign. */
  orderClosed: 'manager.orderClosed',
} as const;

export const assignBody = z
  .object({
    associateId: z.uuid().nullable().describe('Who should pick it; null takes the assignment away'),
  })
  .meta({ id: 'AssignBody' });
export type AssignBody = z.infer<typeof assignBody>;

export const storeAssociate = z.object({
  id: z.string(),
  employeeId: z.string(),
  name: z.string(),
  role: z.enum(['associate', 'manager']),
});
export type StoreAssociate = z.infer<typeof storeAssociate>;

export const storeAssociatesResponse = z
  .object({ associates: z.array(storeAssociate) })
  .meta({ id: 'StoreAssociates' });
export type StoreAssociatesResponse = z.infer<typeof storeAssociatesResponse>;

/** An associate whose PIN tries wait after wrong PINs (issue 13 point 4, ADR 0025). */
export const lockedOutAssociate = z.object({
  id: z.uuid(),
  employeeId: z.string(),
  name: z.string(),
  role: z.enum(['associate', 'manager']),
  lockedUntil: z.string().describe('When the current delay ends; a further wrong PIN doubles it'),
});
export type LockedOutAssociate = z.infer<typeof lockedOutAssociate>;

export const lockOutsResponse = z
  .object({ lockedOut: z.array(lockedOutAssociate) })
  .meta({ id: 'LockedOutAssociates' });
export type LockOutsResponse = z.infer<typeof lockOutsResponse>;

export const kpiQuery = z.object({ range: z.enum(kpiRanges).default('day') });

const nullableNumber = z.number().nullable();

export const kpiReport = z
  .object({
    range: z.enum(kpiRanges),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    timeToPick: z.object({
      orders: z.number(),
      medianMinutes: nullableNumber,
      averageMinutes: nullableNumber,
    }),
    readyVsPromise: z.object({
      orders: z.number(),
      medianMinutesAhead: nullableNumber,
      averageMinutesAhead: nullableNumber,
    }),
    onTime: z.object({ due: z.number(), onTime: z.number(), late: z.number(), percent: nullableNumber }),
    pickAccuracy: z.object({ unitsExpected: z.number(), unitsPicked: z.number(), percent: nullableNumber }),
    shortPick: z.object({
      unitsOrdered: z.number(),
      unitsShort: z.number(),
      ordersWithShort: z.number(),
      percent: nullableNumber,
    }),
    substitution: z
      .object({ unitsShort: z.number(), unitsSubstituted: z.number(), percent: nullableNumber })
      .meta({
        description: 'Short units given a substitute, of the short units (orders picked in the period)',
      }),
    acceptance: z.object({ answered: z.number(), accepted: z.number(), percent: nullableNumber }).meta({
      description: 'Substitutes the customer took, of those answered (no answer by the deadline is a no)',
    }),
    uncollected: z.object({ readyPastPromise: z.number(), expired: z.number() }),
    returns: z.object({ count: z.number(), refundCents: z.number() }),
    sales: z.object({ orders: z.number(), cents: z.number() }),
    ratings: z.object({ count: z.number(), average: nullableNumber }),
    buckets: z.array(
      z.object({
        key: z.string(),
        start: z.string(),
        salesCents: z.number(),
        salesOrders: z.number(),
        onTime: z.number().meta({ description: 'Orders promised in the bucket and ready by the promise' }),
        late: z
          .number()
          .meta({ description: 'Orders promised in the bucket and ready after it, or not yet' }),
        picked: z.number(),
      }),
    ),
  })
  .meta({ id: 'KpiReport' });
