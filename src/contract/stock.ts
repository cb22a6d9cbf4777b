import { z } from 'zod';
import { productRow } from './sync';

// Stock everywhere: find a product, then see what this store and every other store can
// promise, nearest first. See docs/decisions/0012.

const count = z.number().int();

/** One store's figures for one product; `available` = onHand − reserved − safetyStock, never < 0. */
export const stockFigures = z.object({
  onHand: count,
  reserved: count,
  safetyStock: count,
  available: count.min(0).describe('What can still be promised to a customer'),
  updatedAt: z.string().describe('ISO time this row last changed: how fresh the figure is'),
});
export type StockFigures = z.infer<typeof stockFigures>;

export const otherStoreStock = stockFigures
  .extend({
    store: z.object({
      id: z.string(),
      name: z.string(),
      city: z.string(),
      address: z.string().describe('Street, postcode and city: where a customer who reserved there collects'),
    }),
    distanceKm: z.number().min(0).describe('Great-circle distance from the signed-in store, 0.1 km'),
  })
  .meta({ id: 'OtherStoreStock' });
export type OtherStoreStock = z.infer<typeof otherStoreStock>;

export const productAvailability = z
  .object({
    product: productRow,
    here: stockFigures
      .extend({ storeId: z.string() })
      .nullable()
      .describe('The signed-in store; null when it does not carry the product'),
    others: z
      .array(otherStoreStock)
      .describe('Every other store that carries the product, nearest first (sold out ones too)'),
  })
  .meta({ id: 'ProductAvailability' });
export type ProductAvailability = z.infer<typeof productAvailability>;

export const stockSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Scanned code (any GTIN length, GS1 element string), SKU, or words of name or brand'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const stockMatchKinds = ['gtin', 'sku', 'skuPrefix', 'text'] as const;
export type StockMatchKind = (typeof stockMatchKinds)[number];

export const stockSearchHit = productRow
  .extend({
    match: z.enum(stockMatchKinds).describe('Why it matched; results come in this order'),
    hereAvailable: count
      .nullable()
      .describe('Available in the signed-in store; null when it does not carry the product'),
  })
  .meta({ id: 'StockSearchHit' });
export type StockSearchHit = z.infer<typeof stockSearchHit>;

export const stockSearchResponse = z
  .object({
    query: z.string(),
    interpretedAs: z
      .enum(['gtin', 'text'])
      .describe('gtin: the query read as a product code and was looked up by it alone'),
    products: z.array(stockSearchHit),
    more: z.boolean().describe('More products match than were returned: refine the words'),
    availability: productAvailability
      .nullable()
      .describe(
        'Filled when the answer is one product (an exact GTIN or SKU, or a single match), so a scan needs one round trip',
      ),
  })
  .meta({ id: 'StockSearchResponse' });
export type StockSearchResponse = z.infer<typeof stockSearchResponse>;
