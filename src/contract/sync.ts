import { z } from 'zod';
import { catalogueColumns } from './catalogue';
import { shortReasons } from '../domain/picking';
import { checkIdArgs, handoverArgs, refuseItemsArgs } from './handover-checks';
import { orderDetail } from './orders';
import { customerArrival } from './customer-arrivals';
import { passPublicKey } from './passes';
import { reserveElsewhereArgs } from './reservations';
import { cancelLineArgs, rerouteArgs } from './reroute';
import { returnSubmitArgs } from './returns';
import { packOrderBody } from './shipping';
import { stagingLocation } from './stores';

/**
 * The arguments of the commands an associate's device queues in its outbox, each in its current
 * version (the version, and the upcasts of older ones, are its definition's in src/commands).
 * Old offline clients may push old versions for weeks: a version the server no longer accepts
 * is refused alone with a stable code, never silently dropped (ADR 0028).
 */
const orderId = z.uuid();
export const commandArgs = {
  'order.claim': z.object({ orderId }),
  'pick.confirm': z.object({
    orderId,
    code: z.string().trim().min(1).max(64),
    qty: z.number().int().min(1).max(99),
  }),
  'pick.short': z.object({
    orderId,
    lineId: z.uuid(),
    qty: z.number().int().min(1).max(99),
    reason: z.enum(shortReasons),
  }),
  // On a short unit the associate scans a substitute (issue 15): the order's preference decides.
  'pick.substitute': z.object({
    orderId,
    lineId: z.uuid(),
    code: z.string().trim().min(1).max(64),
    qty: z.number().int().min(1).max(99),
  }),
  // The customer's answer to a substitution request, from the signed link; not a device's.
  'substitution.decide': z.object({ orderId, lineId: z.uuid(), accept: z.boolean() }),
  // `shareShelf`: the associate was told the shelf is full and put the order there anyway.
  // `withoutPending`: the associate stages without the substitutes still awaiting an answer,
  // which then count as declined.
  'order.stage': z.object({
    orderId,
    locationCode: z.string().trim().min(1).max(32),
    shareShelf: z.boolean().optional(),
    withoutPending: z.boolean().optional(),
  }),
  // v2: the lines handed over now, the rest staying staged (src/contract/handover-checks.ts).
  'order.handover': handoverArgs,
  'order.putBack': z.object({ orderId }),
  // A count in one look (issue 17): the units the camera counted, by GTIN-14, against the order's
  // expected list: its picked units being put back, or a ship-to-store parcel's contents.
  'order.count': z.object({
    orderId,
    purpose: z.enum(['putBack', 'arrival']),
    counted: z
      .array(z.object({ gtin14: z.string().regex(/^\d{14}$/), qty: z.number().int().min(1).max(999) }))
      .max(200),
  }),
  'order.pack': packOrderBody.extend({ orderId }),
  'order.ship': z.object({ orderId }),
  // A ship-to-store parcel arrived: `code` is its scanned label, checked against the order's.
  'order.receive': z.object({
    orderId,
    code: z.string().trim().min(1).max(128),
    locationCode: z.string().trim().min(1).max(32),
    shareShelf: z.boolean().optional(),
  }),
  // Acts on no order of this store: it creates one at another store (src/contract/reservations.ts).
  'stock.reserveElsewhere': reserveElsewhereArgs,
  // Creates an order at another store for a short line's units (src/contract/reroute.ts).
  'order.reroute': rerouteArgs,
  'order.cancelLine': cancelLineArgs,
  // Takes back units of an order of any store (src/contract/returns.ts).
  'return.submit': returnSubmitArgs,
  // "I'm on it": the associate takes a customer who said they are here (kiosk or curbside).
  'arrival.acknowledge': z.object({ orderId, arrivalId: z.uuid() }),
  // Managers only (and the platform's cancel): releases the reservation.
  'order.cancel': z.object({ orderId, reason: z.string().trim().min(1).max(200) }),
  // The handover at the counter (issue 15, ADR 0047): refused units, each with a reason, and the
  // ID step of a flagged order.
  'order.refuseItems': refuseItemsArgs,
  'order.checkId': checkIdArgs,
} as const;

export type CommandName = keyof typeof commandArgs;
export type CommandArgs<N extends CommandName> = z.infer<(typeof commandArgs)[N]>;
export const commandNames = Object.keys(commandArgs) as CommandName[];

export const MAX_PUSH_BATCH = 50;

export const mutation = z.object({
  id: z.uuid().describe('Mutation id, generated on the device; the global dedupe key'),
  seq: z.number().int().min(1).describe("Position in this client's stream: strictly 1, 2, 3…"),
  name: z.string().min(1).max(64),
  v: z.number().int().min(1),
  args: z.unknown(),
});
export type Mutation = z.infer<typeof mutation>;

export const pushBody = z
  .object({
    clientId: z.uuid(),
    mutations: z.array(mutation).min(1).max(MAX_PUSH_BATCH),
  })
  .meta({ id: 'PushBody' });
export type PushBody = z.infer<typeof pushBody>;

export const mutationError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const mutationResult = z.object({
  id: z.string(),
  seq: z.number(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  result: z.unknown().optional().describe('What the command produced, e.g. {lineId} for a pick'),
  error: mutationError.optional().describe('Why a rejected command was refused'),
  /** For a duplicate: whether the first processing applied or rejected it. */
  originalStatus: z.enum(['applied', 'rejected']).optional(),
});
export type MutationResult = z.infer<typeof mutationResult>;

export const pushResponse = z
  .object({
    lastProcessedSeq: z.number(),
    results: z.array(mutationResult),
  })
  .meta({ id: 'PushResponse' });
export type PushResponse = z.infer<typeof pushResponse>;

export const stockRow = z.object({
  productId: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  safetyStock: z.number(),
  aisle: z.string().nullable(),
  bay: z.string().nullable(),
  updatedAt: z.string(),
});
export type StockRow = z.infer<typeof stockRow>;

export const productRow = z.object({
  id: z.string(),
  sku: z.string(),
  gtin14: z.string(),
  barcode: z.string(),
  brand: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  colorIt: z.string(),
  colorEn: z.string(),
  size: z.string(),
  priceCents: z.number(),
});
export type ProductRow = z.infer<typeof productRow>;

export const syncOrder = orderDetail.extend({
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  putBackAt: z.string().nullable(),
  // Optional, so a replica written by an older server still reads.
  inboundTracking: z
    .string()
    .nullable()
    .optional()
    .describe('Ship-to-store: the parcel the order waits for, as inboundParcelKey writes it'),
  pickupCodeDigest: z
    .string()
    .describe(
      'hmac1:<keyId>:<hex HMAC-SHA256 of pickupDigestInput(number, code)> under the pickupCodeKeys key of that id, to verify a pickup code offline',
    ),
});
export type SyncOrder = z.infer<typeof syncOrder>;

/** A store's key for pickup-code digests of one month (ADR 0025). */
export const pickupCodeKey = z.object({
  keyId: z.string().describe('The UTC month of the orders it covers, e.g. 2026-12'),
  key: z.string().describe('base64url HMAC-SHA256 key'),
});
export type PickupCodeKey = z.infer<typeof pickupCodeKey>;

/** A delta cursor (`v1:`, `v2:` and the store version) or a snapshot page's (`s1:`, ADR 0052). */
export const SYNC_CURSOR = /^(v[12]:\d+|s1:\d{1,15}\.\d{1,15}\.\d{1,6}\.[A-Za-z0-9_-]{0,200})$/;

export const pullQuery = z.object({
  cursor: z
    .string()
    // v1 cursors are from servers that sent unkeyed digests: answered with a full snapshot.
    // s1 cursors name the next page of a snapshot (ADR 0052).
    .regex(SYNC_CURSOR, 'cursor must be one this server returned')
    .optional(),
  snapshot: z
    .enum(['pages'])
    .optional()
    .describe(
      'pages: a snapshot (no cursor, or a v1 one) comes in pages, its catalogue in columns; follow page.next as ?cursor= until it is null',
    ),
  clientId: z.uuid().optional(),
  seq: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      "The lastProcessedSeq of the pull that gave this cursor. With it, a pull at the store's current version is answered at once with no changes and this seq back (nothing the device holds is out of date)",
    ),
});

export const pullResponse = z
  .object({
    cursor: z.string().describe('Send it back as ?cursor= to get only what changed since'),
    reset: z.boolean().describe('True when this is a full snapshot that replaces the replica'),
    storeId: z.string(),
    orders: z.array(syncOrder),
    stock: z.array(stockRow),
    products: z.array(productRow),
    locations: z.array(stagingLocation),
    lastProcessedSeq: z
      .number()
      .describe('For ?clientId=: the last command of that device the server processed'),
    serverTime: z.string(),
    customerArrivals: z
      .array(customerArrival)
      .optional()
      .describe(
        'Customers who said they are here (kiosk, curbside) and are not yet served; absent from older servers',
      ),
    passKeys: z
      .array(passPublicKey)
      .optional()
      .describe('Public keys that verify signed pickup passes offline; absent from older servers'),
    pickupCodeKeys: z
      .array(pickupCodeKey)
      .optional()
      .describe(
        "The store's keys of the orders' pickup-code digests, and this month's; absent from older servers",
      ),
    catalogue: catalogueColumns
      .optional()
      .describe("A snapshot page's share of the products the store sells (?snapshot=pages only)"),
    page: z
      .object({
        n: z.number().int().min(1),
        next: z
          .string()
          .nullable()
          .describe('Send as ?cursor= for the next page; null on the last one, whose cursor then holds'),
      })
      .optional()
      .describe(
        'A snapshot page (?snapshot=pages). Page 1 carries the orders, locations, arrivals and keys, read at the version of `cursor`; every page a share of the catalogue. The replica is replaced once the last page is in; the delta from `cursor` then brings what changed while paging',
      ),
  })
  .meta({ id: 'PullResponse' });
export type PullResponse = z.infer<typeof pullResponse>;
