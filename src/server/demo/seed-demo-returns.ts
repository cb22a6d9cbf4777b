import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { IntakeOrderBody, OrderDiscount, OrderPayment } from '../../contract/orders';
import { intakeOrderBody } from '../../contract/orders';
import type { Actor } from '../audit/audit';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { intakeOrder } from '../orders/intake-service';
import type { CommandActor } from '../../commands/order-tx';
import { runCommands } from '../core/run-commands';
import { demoServices } from './demo-services';
import { createCarrierRegistry } from '../shipping/carrier-registry';
import { createOrderShipment } from '../shipping/shipment-service';
import { backdate, manifestShipment, spreadTimeline } from './demo-history';
import { demoReturnOrders, type DemoReturnScenario } from './demo-returns';

/*
 * Places the returnable demo orders of demo-returns.ts: each through the real intake and the
 * real order actions (claim, pick, stage and hand over, or pack, label, ship and manifest), so
 * stock, audit and state agree; then every timestamp of the order moves back to when the
 * scenario says the customer got it. They end collected or shipped and days old, so they stay
 * out of the work queue and today's manifest. Deterministic: no random numbers, products
 * chosen by catalogue line and SKU order, prices the catalogue's.
 */

interface LineSpec {
  /** Catalogue lines to take the product from, by preference ("TSH-BASE"). */
  lines: readonly string[];
  qty: number;
  finalSale?: boolean;
  /** Only a product the catalogue marks non-returnable (hygiene goods). */
  nonReturnable?: boolean;
  /**
   * Preferably a product this other store has sold out, so restocking it there shows. (Not one
   * it never stocked: every store has a stock row for every product, which sync relies on.)
   */
  soldOutAt?: string;
}

interface ScenarioSpec {
  fulfillmentType: 'pickup' | 'ship_from_store';
  channel: IntakeOrderBody['channel'];
  language: 'it' | 'en';
  lines: readonly LineSpec[];
  /** A coupon: a percentage of the goods, or a fixed amount in cents. */
  coupon?: { code: string; percent?: number; cents?: number };
  shippingCents?: number;
  payment: Omit<OrderPayment, 'reference'>;
}

const visa = (last4: string) => ({ method: 'card' as const, brand: 'visa', last4 });
const mastercard = (last4: string) => ({ method: 'card' as const, brand: 'mastercard', last4 });

const scenarios: Record<DemoReturnScenario, ScenarioSpec> = {
  fullJourney: {
    fulfillmentType: 'pickup',
    channel: 'web',
    language: 'it',
    lines: [
      { lines: ['TSH-BASE', 'TSH-VNEC', 'KID-TSHI'], qty: 2 },
      { lines: ['SNK-ROMA', 'SNK-MILA', 'SNK-TELA', 'RUN-NOVA'], qty: 1 },
      { lines: ['ZAI-CITY', 'ZAI-TREK', 'CIN-PELL'], qty: 1 },
    ],
    coupon: { code: 'BENVENUTO10', percent: 10 },
    payment: visa('4242'),
  },
  sameItemsTwice: {
    fulfillmentType: 'pickup',
    channel: 'web',
    language: 'it',
    lines: [
      { lines: ['JNS-SLIM', 'JNS-REGL', 'JNS-LIDO'], qty: 1 },
      { lines: ['POL-RIVI', 'CAM-OXFO', 'TSH-RIGA'], qty: 1 },
    ],
    payment: mastercard('5454'),
  },
  twoDevices: {
    fulfillmentType: 'pickup',
    channel: 'app',
    language: 'it',
    lines: [{ lines: ['FEL-ZIPP', 'FEL-GIRO', 'FEL-COLL'], qty: 2 }],
    payment: visa('1881'),
  },
  boughtElsewhere: {
    fulfillmentType: 'pickup',
    channel: 'web',
    language: 'it',
    lines: [
      { lines: ['GIA-VENT', 'GIA-PIUM', 'TRE-CLAS'], qty: 1 },
      {
        lines: [
          'OCC-CAPR',
          'OCC-AVIA',
          'CAP-BASE',
          'SCI-LANA',
          'BER-LANA',
          'GUA-PELL',
          'POR-PELL',
          'OMB-PIEG',
        ],
        qty: 1,
        soldOutAt: 'MI01',
      },
    ],
    payment: { method: 'paypal' },
  },
  offlinePolicy: {
    fulfillmentType: 'pickup',
    channel: 'web',
    language: 'it',
    lines: [{ lines: ['MAG-MERI', 'MAG-DOLC', 'CAR-TREC'], qty: 1 }],
    payment: visa('0077'),
  },
  windowExpired: {
    fulfillmentType: 'pickup',
    channel: 'web',
    language: 'it',
    lines: [{ lines: ['CUF-SILE', 'AUR-TWSL', 'SPK-WAVE', 'PWB-TASC', 'SMW-FITT'], qty: 1 }],
    payment: mastercard('0019'),
  },
  finalSaleAndHygiene: {
    fulfillmentType: 'pickup',
    channel: 'web',
    language: 'it',
    lines: [
      { lines: ['CAM-AMAL', 'CMC-SETA', 'ABT-MIDI', 'GON-PLIS'], qty: 1, finalSale: true },
      { lines: ['ORE-CERC', 'INT-BOXE', 'COS-INTE', 'REG-SPOR'], qty: 1, nonReturnable: true },
    ],
    payment: visa('3156'),
  },
  shipped: {
    fulfillmentType: 'ship_from_store',
    channel: 'app',
    language: 'en',
    lines: [
      { lines: ['TAP-YOGA', 'LEG-SPOR', 'TUT-ALLE'], qty: 1 },
      { lines: ['BOR-TERM', 'TSH-TECN', 'SHO-RUNN'], qty: 1 },
    ],
    coupon: { code: 'APP5', cents: 500 },
    shippingCents: 490,
    payment: { method: 'paypal' },
  },
};

const lineCode = sql<string>`split_part(${t.products.sku}, '-', 1) || '-' || split_part(${t.products.sku}, '-', 2)`;

type Chosen = { id: string; sku: string; barcode: string; priceCents: number; spec: LineSpec };

/** The first product, in the spec's line order then SKU order, the store can sell in that quantity. */
async function chooseProduct(db: Db, storeId: string, spec: LineSpec, used: Set<string>): Promise<Chosen> {
  const rows = await db
    .select({
      id: t.products.id,
      sku: t.products.sku,
      barcode: t.products.barcode,
      priceCents: t.products.priceCents,
      line: lineCode,
      soldOutThere: spec.soldOutAt
        ? sql<boolean>`exists (select 1 from ${t.stock} s where s.product_id = ${t.products.id} and s.store_id = ${spec.soldOutAt} and s.on_hand = 0)`
        : sql<boolean>`false`,
    })
    .from(t.stock)
    .innerJoin(t.products, eq(t.products.id, t.stock.productId))
    .where(
      and(
        eq(t.stock.storeId, storeId),
        inArray(lineCode, [...spec.lines]),
        sql`${t.stock.onHand} - ${t.stock.reserved} - ${t.stock.safetyStock} > ${spec.qty}`,
        spec.nonReturnable ? eq(t.products.returnable, false) : undefined,
      ),
    )
    .orderBy(asc(t.products.sku));
  // Sold out at the other store beats the line order; the line order beats SKU order.
  const passes = spec.soldOutAt ? [rows.filter((row) => row.soldOutThere), rows] : [rows];
  for (const candidates of passes) {
    for (const line of spec.lines) {
      const product = candidates.find((row) => row.line === line && !used.has(row.id));
      if (product) {
        used.add(product.id);
        return {
          id: product.id,
          sku: product.sku,
          barcode: product.barcode,
          priceCents: product.priceCents,
          spec,
        };
      }
    }
  }
  throw new Error(`demo returns: no product of ${spec.lines.join(', ')} in stock at ${storeId}`);
}

async function staffOf(db: Db, storeId: string): Promise<CommandActor> {
  const [associate] = await db
    .select({ id: t.associates.id, name: t.associates.name })
    .from(t.associates)
    .where(and(eq(t.associates.storeId, storeId), eq(t.associates.role, 'associate')))
    .orderBy(asc(t.associates.employeeId))
    .limit(1);
  if (!associate) throw new Error(`demo returns: no associate at ${storeId}`);
  return {
    type: 'associate',
    id: associate.id,
    name: associate.name,
    storeId,
    role: 'associate',
    deviceId: 'seed',
  };
}

function couponCents(coupon: ScenarioSpec['coupon'], goods: number): OrderDiscount[] {
  if (!coupon) return [];
  const cents = coupon.cents ?? Math.round((goods * (coupon.percent ?? 0)) / 100);
  return cents > 0 ? [{ code: coupon.code, cents }] : [];
}

const shopper: Actor = { type: 'platform', id: 'demo-shop', storeId: null, deviceId: null };

async function placeScenario(db: Db, key: DemoReturnScenario, now: Date, used: Set<string>): Promise<void> {
  const demo = demoReturnOrders[key];
  const spec = scenarios[key];
  const storeId = demo.storeId;
  const chosen: Chosen[] = [];
  for (const line of spec.lines) chosen.push(await chooseProduct(db, storeId, line, used));
  const goods = chosen.reduce((sum, p) => sum + p.priceCents * p.spec.qty, 0);
  const started = Date.now();
  const body: IntakeOrderBody = {
    externalId: `demo-return-${demo.number}`,
    number: demo.number,
    channel: spec.channel,
    storeId,
    fulfillmentType: spec.fulfillmentType,
    placedAt: new Date(started - 26 * 3_600_000).toISOString(),
    promisedAt: new Date(started - 4 * 3_600_000).toISOString(),
    customer: { name: demo.customerName, email: demo.email, phone: demo.phone, language: spec.language },
    shippingAddress:
      spec.fulfillmentType === 'ship_from_store'
        ? {
            name: demo.customerName,
            line1: 'Via Tortona 27',
            postcode: '20144',
            city: 'Milano',
            country: 'IT',
          }
        : undefined,
    lines: chosen.map((p) => ({
      sku: p.sku,
      qty: p.spec.qty,
      unitPriceCents: p.priceCents,
      ...(p.spec.finalSale ? { finalSale: true } : {}),
    })),
    discounts: couponCents(spec.coupon, goods),
    shippingCents: spec.shippingCents ?? 0,
    payment: { ...spec.payment, reference: `demo-pay-${demo.number}` },
  };
  const { result: order } = await intakeOrder(db, { ...shopper, storeId }, intakeOrderBody.parse(body));
  if (order.status !== 'new') return; // placed by an earlier seed: leave it as it is
  const actor = await staffOf(db, storeId);

  const orderId = order.id;
  await db.transaction((tx) =>
    runCommands(
      tx,
      actor,
      [
        { name: 'order.claim', args: { orderId } },
        ...chosen.map((product) => ({
          name: 'pick.confirm',
          args: { orderId, code: product.barcode, qty: product.spec.qty },
        })),
        ...(spec.fulfillmentType === 'pickup'
          ? [
              { name: 'order.stage', args: { orderId, locationCode: `${storeId}-B08` } },
              { name: 'order.handover', args: { orderId, code: order.pickupCode } },
            ]
          : [{ name: 'order.pack', args: { orderId, packages: [{ type: 'box-m', weightGrams: 1350 }] } }]),
      ],
      demoServices,
    ),
  );
  const receivedAt = new Date(now.getTime() - demo.receivedDaysAgo * 86_400_000);
  if (spec.fulfillmentType === 'ship_from_store') {
    await createOrderShipment(db, createCarrierRegistry(db), actor, order.id);
    await db.transaction((tx) => runCommands(tx, actor, [{ name: 'order.ship', args: { orderId } }]));
    await manifestShipment(db, order.id, actor, receivedAt);
  }
  await backdate(db, order.id, Math.round((Date.now() - receivedAt.getTime()) / 1000));
  await spreadTimeline(db, order.id, receivedAt, spec.fulfillmentType === 'ship_from_store');
}

/** Places every returnable demo order; returns how many. */
export async function seedDemoReturns(db: Db, now: Date): Promise<number> {
  const used = new Set<string>();
  const keys = Object.keys(demoReturnOrders) as DemoReturnScenario[];
  for (const key of keys) await placeScenario(db, key, now, used);
  return keys.length;
}
