import { z } from 'zod';
import { dispositions } from '../domain/disposition';
import { returnConditions } from '../domain/return-reasons';
import { channels, languages, orderDiscount } from './orders';

/**
 * "Buy online, return in store" (issue 6, docs/decisions/0018). The counter finds an order of
 * any store or channel, scans each unit coming back, and queues `return.submit` in the outbox;
 * the server checks the policy again with its own history and either refunds (and moves the
 * stock) in the same transaction or puts the return in the manager's review queue. A return is
 * never dropped.
 */
const isoTime = z.iso.datetime({ offset: true });

export const returnUnitArgs = z.object({
  lineId: z.uuid().describe('The order line the unit belongs to'),
  productId: z
    .uuid()
    .optional()
    .describe(
      "The unit's product when it is not the one ordered: the line's kept substitute (v2). Absent: the ordered product",
    ),
  reason: z.string().trim().min(1).max(40).describe('A reason code from GET /api/returns/settings'),
  condition: z.enum(returnConditions),
  disposition: z.enum(dispositions),
  code: z.string().trim().min(1).max(128).optional().describe('The barcode scanned for this unit'),
});
export type ReturnUnitArgs = z.infer<typeof returnUnitArgs>;

export const MAX_RETURN_UNITS = 200;

/** `return.submit` v2: a unit may name its product, a kept substitute (v1 units are the ordered product). */
export const returnSubmitArgs = z.object({
  returnId: z
    .uuid()
    .describe('Made on the device; the refund key derives from it, so a resend is idempotent'),
  orderId: z.uuid(),
  takenAt: isoTime.describe("The device's clock when the goods were taken"),
  units: z.array(returnUnitArgs).min(1).max(MAX_RETURN_UNITS),
  override: z
    .object({
      reason: z.string().trim().min(3).max(500),
      approval: z
        .string()
        .max(4000)
        .optional()
        .describe(
          'A manager approval from POST /api/returns/approvals; absent when the signed-in associate is a manager',
        ),
    })
    .optional()
    .describe('A manager sets the policy aside for every line that violates it'),
  receipt: z.object({
    email: z.email().max(254).nullable(),
    language: z.enum(languages),
  }),
});
export type ReturnSubmitArgs = z.infer<typeof returnSubmitArgs>;

export const returnStatuses = ['refunded', 'review', 'declined'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

export const returnViolation = z.object({
  lineId: z.string(),
  code: z.string(),
  overridable: z.boolean(),
  details: z.record(z.string(), z.unknown()),
});
export type ReturnViolationView = z.infer<typeof returnViolation>;

export const returnSubmitResult = z.object({
  returnId: z.string(),
  number: z.string().describe('The receipt number, e.g. R-MI01-7F3A21'),
  status: z.enum(returnStatuses),
  refundCents: z.number(),
  shippingRefundCents: z.number(),
  violations: z.array(returnViolation).describe('Why it waits for a manager; empty when refunded'),
});
export type ReturnSubmitResult = z.infer<typeof returnSubmitResult>;

/** The payment a refund goes back to, as the counter may show it (never a full card number). */
export const paymentSummary = z.object({
  method: z.enum(['card', 'paypal', 'giftCard', 'bankTransfer']),
  brand: z.string().optional(),
  last4: z.string().optional(),
});

export const returnableLine = z.object({
  lineId: z.string(),
  lineNo: z.number(),
  productId: z.string(),
  sku: z.string(),
  gtin14: z.string(),
  barcode: z.string(),
  brand: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  colorIt: z.string(),
  colorEn: z.string(),
  size: z.string(),
  category: z.string(),
  returnable: z.boolean(),
  finalSale: z.boolean(),
  unitPriceCents: z.number(),
  qtyOrdered: z.number(),
  qtyShort: z.number(),
  /** Ordered − short: what the customer received. */
  qtyDelivered: z.number(),
  substituteOf: z
    .string()
    .optional()
    .describe(
      "A kept substitute, an item of its own: the order line it was picked for. Its lineId is the item's ('<line>/<product>'), its price what the customer paid for it",
    ),
  /** Units of accepted (refunded) returns. */
  qtyReturned: z.number(),
  /** Units of returns waiting for a manager: not returnable again meanwhile. */
  qtyInReview: z.number(),
});
export type ReturnableLine = z.infer<typeof returnableLine>;

export const returnSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(returnStatuses),
  storeId: z.string().describe('Where it was taken'),
  orderId: z.string(),
  orderNumber: z.string(),
  customerName: z.string(),
  takenAt: z.string(),
  units: z.number(),
  refundCents: z.number(),
  shippingRefundCents: z.number(),
});
export type ReturnSummary = z.infer<typeof returnSummary>;

/** An order as the return counter needs it, from any store; the device caches it for offline. */
export const returnableOrder = z
  .object({
    id: z.string(),
    number: z.string(),
    storeId: z.string(),
    storeName: z.string(),
    channel: z.enum(channels),
    fulfillmentType: z.string(),
    status: z.string(),
    customerName: z.string(),
    customerEmail: z.string(),
    customerPhone: z.string().nullable(),
    customerLanguage: z.enum(languages),
    placedAt: z.string(),
    /** When the customer collected it or it was shipped; null until then (not returnable). */
    receivedAt: z.string().nullable(),
    currency: z.string(),
    totalCents: z.number(),
    discounts: z.array(orderDiscount),
    shippingCents: z.number(),
    payment: paymentSummary.nullable(),
    lines: z.array(returnableLine),
    /** What accepted returns refunded so far (src/domain/refund.ts RefundHistory). */
    refundHistory: z.object({
      lines: z.record(z.string(), z.object({ qty: z.number(), cents: z.number() })),
      shippingCents: z.number(),
      refundKeys: z.array(z.string()),
      settledCents: z
        .number()
        .optional()
        .describe('Refunded without a return: the substitution refund at staging or packing'),
    }),
    returns: z.array(returnSummary),
    fetchedAt: z.string().describe('Server time of this view: how fresh a cached copy is'),
  })
  .meta({ id: 'ReturnableOrder' });
export type ReturnableOrder = z.infer<typeof returnableOrder>;

export const returnableOrders = z
  .object({ orders: z.array(returnableOrder) })
  .meta({ id: 'ReturnableOrders' });

export const returnOrderSearch = z.object({
  q: z
    .string()
    .trim()
    .min(3)
    .max(2000)
    .describe('Order number, customer e-mail or phone, the scanned pickup pass, or the order id'),
});

const categoryRule = z.object({
  windowDays: z.number(),
  acceptedConditions: z.array(z.enum(returnConditions)),
});

/** What the counter needs to check a return offline exactly as the server will. */
export const returnSettings = z
  .object({
    policy: z.object({
      defaultRule: categoryRule,
      categories: z.record(z.string(), categoryRule),
      reasons: z.array(
        z.object({
          code: z.string(),
          waives: z.array(z.enum(['window', 'condition', 'nonReturnable', 'finalSale'])),
        }),
      ),
    }),
    shippingRule: z.object({
      onFullReturn: z.boolean(),
      onSellerFault: z.boolean(),
      sellerFaultReasons: z.array(z.string()),
    }),
    /** The store's IANA zone: return windows count its calendar days. */
    timeZone: z.string(),
  })
  .meta({ id: 'ReturnSettings' });
export type ReturnSettings = z.infer<typeof returnSettings>;

export const returnDetail = returnSummary
  .extend({
    storeName: z.string(),
    storeAddress: z.string(),
    orderStoreId: z.string(),
    orderStoreName: z.string(),
    orderChannel: z.enum(channels),
    orderPlacedAt: z.string(),
    currency: z.string(),
    takenBy: z.object({ id: z.string(), name: z.string() }),
    receiptEmail: z.string().nullable(),
    language: z.enum(languages),
    units: z.array(
      z.object({
        unitNo: z.number(),
        lineId: z.string(),
        sku: z.string(),
        nameIt: z.string(),
        nameEn: z.string(),
        size: z.string(),
        reason: z.string(),
        condition: z.enum(returnConditions),
        disposition: z.enum(dispositions),
      }),
    ),
    violations: z.array(returnViolation),
    override: z
      .object({
        managerId: z.string(),
        managerName: z.string(),
        reason: z.string(),
        overridden: z.array(returnViolation),
      })
      .nullable(),
    refund: z
      .object({
        key: z.string(),
        totalCents: z.number(),
        shippingCents: z.number(),
        lines: z.array(
          z.object({
            lineId: z.string(),
            qty: z.number(),
            grossCents: z.number(),
            discountShareCents: z.number(),
            refundCents: z.number(),
          }),
        ),
        adapter: z.string(),
        providerRef: z.string(),
        payment: paymentSummary.nullable(),
        createdAt: z.string(),
      })
      .nullable(),
    decision: z
      .object({
        at: z.string(),
        by: z.object({ id: z.string(), name: z.string() }),
        reason: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'ReturnDetail' });
export type ReturnDetail = z.infer<typeof returnDetail>;

export const returnList = z.object({ returns: z.array(returnSummary) }).meta({ id: 'ReturnList' });
export const returnListQuery = z.object({
  status: z.enum([...returnStatuses, 'all']).default('all'),
});

/** A manager's decision on a return in review. */
export const returnDecisionBody = z.object({ reason: z.string().trim().min(3).max(500) });

/**
 * A manager at the counter approves setting the policy aside for one return, with their PIN,
 * on the associate's device. The answer is a signed approval the `return.submit` command
 * carries; it names the manager, the return and the reason, so it cannot be reused for another.
 */
export const returnApprovalBody = z.object({
  returnId: z.uuid(),
  employeeId: z.string().trim().min(1).max(16),
  pin: z.string().regex(/^\d{4,8}$/),
  reason: z.string().trim().min(3).max(500),
});
export const returnApproval = z
  .object({
    approval: z.string(),
    manager: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'ReturnApproval' });
export type ReturnApproval = z.infer<typeof returnApproval>;

export const receiptEmailBody = z.object({
  email: z.email().max(254).optional().describe("Defaults to the return's receipt address"),
  language: z.enum(languages).optional(),
});
export const receiptEmailQueued = z.object({ queued: z.literal(true), email: z.string() });
