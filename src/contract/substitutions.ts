import { z } from 'zod';
import { substitutionReasons } from '../domain/substitution';

// Substitutions on the wire (issue 15): the customer's preference at intake, the store's
// setting, and what a line shows of its substitute.

const sku = z.string().trim().min(1).max(64);

export const substitutionPreference = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('none').describe('No substitutes: the unit is removed and refunded') }),
    z.object({ mode: z.literal('similar').describe("Any similar item under the store's price rule") }),
    z.object({ mode: z.literal('ask').describe('Ask the customer each time') }),
    z.object({
      mode: z.literal('alternatives'),
      skus: z.array(sku).min(1).max(5).describe('These products, best first'),
    }),
  ])
  .meta({ id: 'SubstitutionPreference' });

/** For the whole order: alternatives are named per product, so per line only. */
export const orderSubstitutionPreference = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('none') }),
    z.object({ mode: z.literal('similar') }),
    z.object({ mode: z.literal('ask') }),
  ])
  .meta({ id: 'OrderSubstitutionPreference' });

export const priceRule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('notDearer') }),
    z.object({
      kind: z.literal('within'),
      percent: z.number().int().min(0).max(100),
      amountCents: z.number().int().min(0).max(100_000),
    }),
  ])
  .meta({ id: 'PriceRule' });

export const substitutionSettings = z
  .object({
    priceRule: priceRule.describe(
      'What a similar substitute may cost per unit without asking: not dearer, or within N% or an amount, whichever allows more',
    ),
    answerMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .describe('How long the customer has to answer; then it counts as declined'),
  })
  .meta({ id: 'SubstitutionSettings' });
export type SubstitutionSettings = z.infer<typeof substitutionSettings>;

export const orderSubstitution = z.object({
  preference: substitutionPreference,
  priceRule,
  answerMinutes: z.number(),
});

export const substituteStatuses = ['picked', 'pending', 'accepted', 'declined'] as const;

export const lineSubstitute = z.object({
  productId: z.string(),
  sku: z.string(),
  gtin14: z.string(),
  nameEn: z.string(),
  nameIt: z.string(),
  unitPriceCents: z.number(),
  qty: z.number(),
  status: z.enum(substituteStatuses),
  reason: z.enum(substitutionReasons).describe('Why it was allowed or asked about'),
  requestedAt: z.string(),
  deadline: z.string().nullable(),
  decidedAt: z.string().nullable(),
  qtyRefused: z
    .number()
    .optional()
    .describe('Units of the kept substitute the customer refused at the counter; absent: none'),
});

export const substitutionParams = z.object({ token: z.string().min(1).max(64) });

export const substitutionDecisionBody = z
  .object({
    accept: z.boolean().describe('True to take the substitute, false to have the item removed and refunded'),
  })
  .meta({ id: 'SubstitutionDecision' });

const shownProduct = z.object({
  sku: z.string(),
  nameEn: z.string(),
  nameIt: z.string(),
  brand: z.string(),
  colorEn: z.string(),
  colorIt: z.string(),
  size: z.string(),
  unitPriceCents: z.number(),
  imageUrl: z
    .string()
    .nullable()
    .describe("The product's picture: an https address, or a path on this server; null when it has none"),
});

/** What the customer's substitution page shows: public, by the signed link alone. */
export const substitutionView = z
  .object({
    orderNumber: z.string(),
    storeName: z.string(),
    language: z.enum(['it', 'en']),
    currency: z.string(),
    qty: z.number(),
    ordered: shownProduct,
    substitute: shownProduct,
    differenceCents: z
      .number()
      .describe('Per unit: the substitute less the ordered price; negative when it is cheaper'),
    refundCents: z.number().describe('What comes back if the customer accepts (a cheaper substitute)'),
    declineRefundCents: z.number().describe('What comes back if the customer declines'),
    status: z.enum(substituteStatuses),
    deadline: z.string().nullable(),
  })
  .meta({ id: 'SubstitutionView' });
export type SubstitutionView = z.infer<typeof substitutionView>;
