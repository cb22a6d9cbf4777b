import { and, eq, sql } from 'drizzle-orm';
import type { IntakeOrderBody } from '../../contract/orders';
import type { FulfillmentType } from '../../domain/order-machine';
import type { Db, Executor } from '../db/client';
import { products, stock } from '../db/schema';
import type { Rng } from '../db/seed';
import { randomCustomer } from '../db/seed';
import { intakeOrderBody } from '../../contract/orders';
import { intakeOrder } from '../orders/intake-service';

/** Products the store can still promise, in quantity, for a plausible demo basket. */
async function availableProducts(db: Executor, storeId: string, limit: number) {
  return db
    .select({ sku: products.sku, priceCents: products.priceCents })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(
      and(eq(stock.storeId, storeId), sql`${stock.onHand} - ${stock.reserved} - ${stock.safetyStock} >= 2`),
    )
    .orderBy(sql`random()`)
    .limit(limit);
}

/**
 * A web-shop order number the customer would recognise. Random rather than sequential, so
 * demo orders never collide with ones placed before a restart; a collision only replays.
 */
function orderNumber(rng: Rng): string {
  return `W${rng.int(100_000, 999_999)}`;
}

export interface DemoOrderOptions {
  storeId: string;
  fulfillmentType: FulfillmentType;
  promisedAt: Date;
  placedAt?: Date;
  /** Ship-to-store: the parcel's number (an SSCC as "00" + 18 digits, or a carrier's). */
  inbound?: { trackingNumber: string };
  /** The first line is for customers of this age or older (issue 15: the ID step). */
  minimumAge?: number;
  /** Flags for the ID step: high value, or a third party collecting. */
  idCheck?: IntakeOrderBody['idCheck'];
}

/**
 * Parcels from the warehouse, with valid check digits: two SSCCs under an Italian GS1 company
 * prefix (GS1-128 "00" labels) and a UPS 1Z number.
 */
export const demoInboundParcels = ['00380123450000000013', '1Z4V8E64Y6E9000120', '00380123450000000020'];

/**
 * Each of the customers' substitution preferences (issue 15), taken from the order number so the
 * demo's random sequence stays as it was: similar items, ask me, none, and ranked alternatives
 * for the first line.
 */
function demoSubstitution(
  number: string,
  alternative: string | undefined,
): {
  order: NonNullable<IntakeOrderBody['substitution']>;
  firstLine?: IntakeOrderBody['lines'][number]['substitution'];
} {
  switch (Number(number.slice(1)) % 4) {
    case 0:
      return { order: { mode: 'similar' } };
    case 1:
      return { order: { mode: 'ask' } };
    case 2:
      return { order: { mode: 'none' } };
    default:
      return alternative
        ? { order: { mode: 'ask' }, firstLine: { mode: 'alternatives', skus: [alternative] } }
        : { order: { mode: 'ask' } };
  }
}

/** Places one realistic order through the real intake path, as the web shop would. */
export async function placeDemoOrder(db: Db, rng: Rng, options: DemoOrderOptions) {
  const basketSize = rng.pick([1, 1, 2, 2, 2, 3, 4]);
  // One more than the basket: the alternative a customer may name for its first line.
  const found = await availableProducts(db, options.storeId, basketSize + 1);
  const basket = found.slice(0, basketSize);
  if (basket.length === 0) return undefined;
  const customer = randomCustomer(rng);
  const number = orderNumber(rng);
  const substitution = demoSubstitution(number, found[basketSize]?.sku);
  const body: IntakeOrderBody = {
    externalId: `shop-${number}`,
    number,
    channel: rng.pick(['web', 'web', 'web', 'app', 'app', 'marketplace', 'social'] as const),
    storeId: options.storeId,
    fulfillmentType: options.fulfillmentType,
    placedAt: (options.placedAt ?? new Date()).toISOString(),
    promisedAt: options.promisedAt.toISOString(),
    customer,
    shippingAddress:
      options.fulfillmentType === 'ship_from_store'
        ? {
            name: customer.name,
            line1: `Via Roma ${rng.int(1, 120)}`,
            postcode: '20121',
            city: 'Milano',
            country: 'IT',
          }
        : undefined,
    inbound: options.inbound,
    substitution: substitution.order,
    lines: basket.map((p, i) => ({
      sku: p.sku,
      qty: rng.chance(0.2) ? 2 : 1,
      unitPriceCents: p.priceCents,
      ...(i === 0 && options.minimumAge ? { minimumAge: options.minimumAge } : {}),
      ...(i === 0 && substitution.firstLine ? { substitution: substitution.firstLine } : {}),
    })),
    ...(options.idCheck ? { idCheck: options.idCheck } : {}),
  };
  const { result } = await intakeOrder(
    db,
    { type: 'platform', id: 'demo-shop', storeId: options.storeId, deviceId: null },
    intakeOrderBody.parse(body),
  );
  return result;
}

/** Keeps the demo queue alive: a new web order lands at the first store every interval. */
export function startDemoOrderFeed(
  db: Db,
  rng: Rng,
  storeId: string,
  intervalSeconds: number,
  log: (message: string, error?: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    const type: FulfillmentType = rng.chance(0.7)
      ? 'pickup'
      : rng.chance(0.5)
        ? 'ship_from_store'
        : 'curbside';
    const promisedAt = new Date(Date.now() + rng.int(45, 240) * 60_000);
    placeDemoOrder(db, rng, { storeId, fulfillmentType: type, promisedAt })
      .then((order) => order && log(`demo order ${order.number} arrived at ${storeId}`))
      .catch((error: unknown) => log('demo order failed', error));
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
