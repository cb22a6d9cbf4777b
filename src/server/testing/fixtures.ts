import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { IntakeOrderBody } from '../../contract/orders';
import type { Db } from '../db/client';
import { products, stock } from '../db/schema';

export interface StockedProduct {
  id: string;
  sku: string;
  barcode: string;
  barcodeType: string;
  gtin14: string;
  priceCents: number;
}

/** Products the store can still promise at least `minAvailable` of. */
export async function stockedProducts(
  db: Db,
  storeId: string,
  count: number,
  minAvailable = 3,
): Promise<StockedProduct[]> {
  return db
    .select({
      id: products.id,
      sku: products.sku,
      barcode: products.barcode,
      barcodeType: products.barcodeType,
      gtin14: products.gtin14,
      priceCents: products.priceCents,
    })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(
      and(
        eq(stock.storeId, storeId),
        sql`${stock.onHand} - ${stock.reserved} - ${stock.safetyStock} >= ${minAvailable}`,
      ),
    )
    .orderBy(products.sku)
    .limit(count);
}

export async function stockOf(db: Db, storeId: string, productId: string) {
  const [row] = await db
    .select({ onHand: stock.onHand, reserved: stock.reserved, safetyStock: stock.safetyStock })
    .from(stock)
    .where(and(eq(stock.storeId, storeId), eq(stock.productId, productId)));
  if (!row) throw new Error(`no stock row for ${productId} at ${storeId}`);
  return row;
}

/** The customer of every test order, unless a test names another. */
export const testCustomer: IntakeOrderBody['customer'] = {
  name: 'Chiara Test',
  email: 'chiara@example.it',
  phone: '+393331234567',
  language: 'it',
};

export function intakeBody(
  lines: { sku: string; qty: number; unitPriceCents?: number }[],
  overrides: Partial<IntakeOrderBody> = {},
): IntakeOrderBody {
  const id = randomUUID().slice(0, 8);
  return {
    externalId: `test-${id}`,
    number: `T${id.toUpperCase()}`,
    channel: 'web',
    storeId: 'MI01',
    fulfillmentType: 'pickup',
    promisedAt: new Date(Date.now() + 3_600_000).toISOString(),
    customer: testCustomer,
    pickupCode: '482913',
    lines: lines.map((l) => ({ sku: l.sku, qty: l.qty, unitPriceCents: l.unitPriceCents ?? 1990 })),
    ...overrides,
  };
}
