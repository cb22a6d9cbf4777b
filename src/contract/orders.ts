import { z } from 'zod';
import { inboundParcelKey } from '../domain/inbound-parcel';
import { fulfillmentTypes, orderStatuses } from '../domain/order-machine';
import { shortReasons } from '../domain/picking';
import { handoverArgs, idCheckView, intakeIdCheck, minimumAge } from './handover-checks';
import { packedPackage, shipmentSummary } from './shipping';
import {
  lineSubstitute,
  orderSubstitution,
  orderSubstitutionPreference,
  substitutionPreference,
} from './substitutions';

export const intakeChannels = ['web', 'app', 'marketplace', 'social'] as const;
/** Where an order came from: the platform's channels, or 'store' (reserved at another store). */
export const channels = [...intakeChannels, 'store'] as const;
export const languages = ['it', 'en'] as const;
/** The languages a customer is written to in, and documents are printed in. */
export type Language = (typeof languages)[number];

const isoTime = z.iso.datetime({ offset: true });

export const intakeLine = z
  .object({
    sku: z.string().min(1).max(64).optional(),
    gtin: z
      .string()
      .regex(/^\d{8}$|^\d{12,14}$/, 'GTIN must be 8, 12, 13 or 14 digits')
      .optional(),
    qty: z.number().int().min(1).max(99),
    unitPriceCents: z.number().int().min(0).max(10_000_000),
    finalSale: z.boolean().optional().describe('Sold on clearance as final sale: not returnable by policy'),
    substitution: substitutionPreference
      .optional()
      .describe("The customer's preference for this line when it cannot be found; the order's when absent"),
    minimumAge: minimumAge
      .optional()
      .describe('The customer must be this old (e.g. 18 for alcohol); the store’s category age applies too'),
  })
  .refine((line) => line.sku !== undefined || line.gtin !== undefined, {
    message: 'Give the product as sku or gtin',
    path: ['sku'],
  })
  .refine(
    (line) => line.substitution?.mode !== 'alternatives' || !line.substitution.skus.includes(line.sku ?? ''),
    {
      message: 'An alternative is another product than the one ordered',
      path: ['substitution', 'skus'],
    },
  );

export const shippingAddress = z.object({
  name: z.string().min(1).max(120),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  postcode: z.string().min(2).max(16),
  city: z.string().min(1).max(100),
  province: z.string().max(100).optional(),
  country: z.string().length(2).describe('ISO 3166-1 alpha-2'),
});

export const orderDiscount = z.object({
  code: z.string().trim().min(1).max(40).describe('The coupon or promotion code'),
  cents: z.number().int().min(1).max(10_000_000),
});
export type OrderDiscount = z.infer<typeof orderDiscount>;

/** How the customer paid: a refund goes back to it. Never a full card number. */
export const orderPayment = z.object({
  method: z.enum(['card', 'paypal', 'giftCard', 'bankTransfer']),
  brand: z.string().trim().max(20).optional().describe('Card brand, e.g. visa'),
  last4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  reference: z.string().trim().min(1).max(64).describe("The payment provider's id of the charge"),
});
export type OrderPayment = z.infer<typeof orderPayment>;

export const intakeOrderBody = z
  .object({
    externalId: z.string().min(1).max(64).describe("The platform's own order id; the idempotency key"),
    number: z.string().min(1).max(32).optional().describe('Order number shown to the customer'),
    channel: z.enum(intakeChannels),
    storeId: z.string().min(1).max(16),
    fulfillmentType: z.enum(fulfillmentTypes),
    placedAt: isoTime.optional(),
    promisedAt: isoTime.describe('When the customer was promised the order ready (or shipped)'),
    currency: z.literal('EUR').default('EUR'),
    customer: z.object({
      name: z.string().min(1).max(120),
      email: z.email().max(254),
      phone: z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, 'Phone must be in E.164 form, e.g. +393331234567')
        .optional(),
      language: z.enum(languages).default('it'),
    }),
    pickupCode: z
      .string()
      .regex(/^\d{6}$/, 'Pickup code must be 6 digits')
      .optional()
      .describe('Generated when absent'),
    shippingAddress: shippingAddress.optional(),
    inbound: z
      .object({
        trackingNumber: z
          .string()
          .trim()
          .min(1)
          .max(64)
          .refine((code) => inboundParcelKey(code) !== undefined, {
            message: 'Give a carrier tracking number or an SSCC ("00" + 18 digits) with a valid check digit',
          }),
      })
      .optional()
      .describe('Ship-to-store: the parcel the warehouse sends to the store'),
    lines: z.array(intakeLine).min(1).max(100),
    discounts: z
      .array(orderDiscount)
      .max(10)
      .optional()
      .describe('Order-level discounts; a refund shares them out over the lines'),
    shippingCents: z.number().int().min(0).max(1_000_000).optional(),
    payment: orderPayment.optional(),
    substitution: orderSubstitutionPreference
      .optional()
      .describe("The customer's preference when an item cannot be found; no substitutes when absent"),
    idCheck: intakeIdCheck.optional(),
  })
  .refine(
    (order) =>
      (order.discounts ?? []).reduce((sum, d) => sum + d.cents, 0) <=
      order.lines.reduce((sum, l) => sum + l.qty * l.unitPriceCents, 0),
    { message: 'The discounts exceed the value of the lines', path: ['discounts'] },
  )
  .refine((order) => order.fulfillmentType !== 'ship_from_store' || order.shippingAddress, {
    message: 'A ship-from-store order needs a shipping address',
    path: ['shippingAddress'],
  })
  .refine((order) => (order.fulfillmentType === 'ship_to_store') === (order.inbound !== undefined), {
    message: 'A ship-to-store order, and only one, names its inbound parcel',
    path: ['inbound'],
  })
  .meta({ id: 'IntakeOrder' });
export type IntakeOrderBody = z.input<typeof intakeOrderBody>;

export const intakeResult = z
  .object({
    id: z.string(),
    externalId: z.string(),
    number: z.string(),
    storeId: z.string(),
    status: z.enum(orderStatuses),
    pickupCode: z.string(),
  })
  .meta({ id: 'IntakeResult' });
export type IntakeResult = z.infer<typeof intakeResult>;

const person = z.object({ id: z.string(), name: z.string() });

export const queueItem = z
  .object({
    id: z.string(),
    number: z.string(),
    channel: z.enum(channels),
    fulfillmentType: z.enum(fulfillmentTypes),
    status: z.enum(orderStatuses),
    placedAt: z.string(),
    promisedAt: z.string(),
    customerName: z.string(),
    lineCount: z.number(),
    unitCount: z.number(),
    pickedUnits: z.number(),
    claimedBy: person.nullable(),
    stagingLocation: z.string().nullable(),
    // Issue 7; optional, so an older server's answer (or an older replica) still reads.
    assignedTo: person.nullable().optional().describe("A manager's assignment: who should pick it"),
    arrivedAt: z.string().nullable().optional().describe('When the customer said they are here'),
  })
  .meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof queueItem>;

export const orderLineView = z.object({
  id: z.string(),
  lineNo: z.number(),
  sku: z.string(),
  barcode: z.string().describe('As printed on the product'),
  gtin14: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  brand: z.string(),
  colorIt: z.string(),
  colorEn: z.string(),
  size: z.string(),
  aisle: z.string().nullable(),
  bay: z.string().nullable(),
  qtyOrdered: z.number(),
  qtyPicked: z.number(),
  qtyShort: z.number(),
  shortReason: z.enum(shortReasons).nullable(),
  unitPriceCents: z.number(),
  // Short pick, then re-route; optional, so an older server's answer still reads.
  reroutedTo: z
    .object({ orderId: z.string(), orderNumber: z.string(), storeId: z.string(), storeName: z.string() })
    .nullable()
    .optional()
    .describe('The order at another store the short units moved to'),
  customerNotified: z
    .boolean()
    .optional()
    .describe('The customer was told the short units are cancelled; the line is not offered again'),
  // Substitutions (issue 15); optional, so an older server's answer still reads.
  substitutionPreference: substitutionPreference
    .nullable()
    .optional()
    .describe("The line's own preference; null: the order's"),
  substitute: lineSubstitute
    .nullable()
    .optional()
    .describe("The substitute picked for the line's short units, and the customer's answer"),
  // The handover at the counter (ADR 0047); optional, so an older server's answer still reads.
  qtyHandedOver: z.number().optional().describe('Units the customer took away'),
  qtyRefused: z.number().optional().describe('Units the customer refused at the counter'),
  minimumAge: z.number().nullable().optional().describe('The age the customer must have for it'),
});
export type OrderLineView = z.infer<typeof orderLineView>;

export const orderDetail = queueItem
  .extend({
    externalId: z.string(),
    customer: z.object({
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      language: z.enum(languages),
    }),
    totalCents: z.number(),
    version: z.number(),
    readyAt: z.string().nullable(),
    collectedAt: z.string().nullable(),
    lines: z.array(orderLineView).describe('Sorted in walking order: aisle, then bay'),
    journey: z
      .array(
        z.object({
          id: z.string(),
          number: z.string(),
          storeId: z.string(),
          storeName: z.string(),
          status: z.enum(orderStatuses),
        }),
      )
      .optional()
      .describe('The other orders of the same customer journey (re-routed lines), at any store'),
    // Ship-from-store; optional, so an older server's answer still reads.
    packedAt: z.string().nullable().optional(),
    shippedAt: z.string().nullable().optional(),
    packages: z.array(packedPackage).optional().describe('As packed, numbered 1..n; empty until packed'),
    shipment: shipmentSummary
      .nullable()
      .optional()
      .describe('The booked label of the current packing, with a tracking number per package'),
    substitution: orderSubstitution
      .nullable()
      .optional()
      .describe(
        "The customer's preference, with the store's price rule and answer minutes it was taken under",
      ),
    idCheck: idCheckView.optional().describe('Why the handover needs the ID step, and its outcome'),
    substitutionRefund: z
      .object({
        totalCents: z.number(),
        currency: z.string(),
        refundedAt: z.string(),
      })
      .nullable()
      .optional()
      .describe(
        'The one refund the settled substitutes gave at staging (cheaper substitutes, declined items), as the payment adapter paid it; null: none',
      ),
  })
  .meta({ id: 'OrderDetail' });
export type OrderDetail = z.infer<typeof orderDetail>;

export const queueResponse = z.object({ orders: z.array(queueItem), serverTime: z.string() });
export type QueueResponse = z.infer<typeof queueResponse>;

// Associate actions. They are named commands with intent-level arguments, so the same
// shapes can later travel through the offline outbox.
export const pickBody = z.object({
  code: z.string().trim().min(1).max(64).describe('The scanned or typed product code'),
  qty: z.number().int().min(1).max(99).default(1),
});
export const shortBody = z.object({
  lineId: z.string().uuid(),
  qty: z.number().int().min(1).max(99),
  reason: z.enum(shortReasons),
});
export const stageBody = z.object({
  locationCode: z.string().trim().min(1).max(32),
  shareShelf: z
    .boolean()
    .optional()
    .describe(
      'True when the associate was told the shelf is full (409 staging.shelfFull) and stages the order there anyway',
    ),
  withoutPending: z
    .boolean()
    .optional()
    .describe(
      "True to stage while substitutes still wait for the customer's answer (409 substitution.answerPending): they count as declined",
    ),
});
export const substituteBody = z.object({
  lineId: z.uuid(),
  code: z.string().trim().min(1).max(64).describe('The scanned or typed code of the substitute'),
  qty: z.number().int().min(1).max(99).default(1),
});
export const handoverBody = z.object({
  code: z.string().trim().min(1).max(256).describe('The typed pickup code or the QR pass content'),
  lines: handoverArgs.shape.lines,
});
export const cancelBody = z.object({ reason: z.string().trim().min(1).max(200) });

export const pickResult = z.object({ lineId: z.string(), order: orderDetail });
export type PickResult = z.infer<typeof pickResult>;
