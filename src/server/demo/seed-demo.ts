import { eq, sql } from 'drizzle-orm';
import { toGtin14 } from '../../domain/gtin';
import type { FulfillmentType } from '../../domain/order-machine';
import { hashPin } from '../core/pin-hash';
import type { Db, Executor } from '../db/client';
import * as t from '../db/schema';
import {
  createRng,
  productColourCode,
  seedAssociates,
  seedProducts,
  seedStock,
  seedStores,
  shelfLocation,
  stagingLocationsFor,
} from '../db/seed';
import type { CommandActor } from '../../commands/order-tx';
import { runCommands } from '../core/run-commands';
import { demoServices } from './demo-services';
import { demoPictureUrl } from './product-pictures';
import { demoInboundParcels, placeDemoOrder } from './demo-orders';
import { seedDemoWeek } from './demo-week';
import { seedDemoReturns } from './seed-demo-returns';

export const DEMO_SEED = 20261122;

export interface SeedOptions {
  /** Fewer products make test databases quick to build. */
  productCount?: number;
  /** How many open orders the first store starts with. */
  firstStoreOrders?: number;
  ordersPerOtherStore?: number;
  /** Ship-to-store parcels on their way to the first store (the Arrivals screen). */
  inboundOrders?: number;
  /** The returnable orders of demo-returns.ts (collected and shipped days ago); on by default. */
  returnOrders?: boolean;
  /** Days of past pickup orders at the first store, for the manager's KPIs (demo-week.ts). */
  pastDays?: number;
  /** Two ready orders whose handover needs the ID step (issue 15); on by default. */
  idCheckOrders?: boolean;
  now?: Date;
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t.stores);
  return Number(row?.n ?? 0) > 0;
}

/** Empties every table of store data, keeping the schema and the signing secret. */
export async function wipeData(db: Db): Promise<void> {
  await db.execute(
    sql`truncate table audit_log, stock_movements, order_lines, orders, refresh_tokens, associates, stock, products, staging_locations, stores restart identity cascade`,
  );
}

/**
 * A realistic chain: stores in Italian cities, a catalogue with real-format GTINs, stock and
 * shelf places per store, staff, and a live-looking queue at the first store. Orders go
 * through the real intake and action code, so stock, audit and state agree.
 */
export async function seedDemo(
  db: Db,
  options: SeedOptions = {},
): Promise<{ stores: number; products: number; orders: number }> {
  const rng = createRng(DEMO_SEED);
  const now = options.now ?? new Date();
  const catalogue = seedProducts(rng, options.productCount ?? 2400);

  await db.insert(t.stores).values(seedStores.map((s) => ({ ...s, openingHours: s.openingHours })));
  await db
    .insert(t.stagingLocations)
    .values(seedStores.flatMap((s) => stagingLocationsFor(s.id).map((l) => ({ storeId: s.id, ...l }))));
  const productRows = catalogue.map((p) => ({
    sku: p.sku,
    gtin14: toGtin14(p.barcode),
    barcode: p.barcode,
    barcodeType: p.barcodeType,
    brand: p.brand,
    nameIt: p.nameIt,
    nameEn: p.nameEn,
    category: p.category,
    colorIt: p.colorIt,
    colorEn: p.colorEn,
    size: p.size,
    priceCents: p.priceCents,
    returnable: p.returnable,
    imageUrl: demoPictureUrl(p.category, productColourCode(p.sku)),
  }));
  const ids: string[] = [];
  await insertInBatches(productRows, 500, async (batch) => {
    const inserted = await db.insert(t.products).values(batch).returning({ id: t.products.id });
    ids.push(...inserted.map((r) => r.id));
  });
  const stockRows = seedStores.flatMap((store, storeIndex) =>
    catalogue.map((product, i) => ({
      storeId: store.id,
      productId: ids[i] as string,
      ...seedStock(rng, product),
      ...shelfLocation(storeIndex, product, rng),
    })),
  );
  await insertInBatches(stockRows, 1000, (batch) => db.insert(t.stock).values(batch));

  const staff = seedStores.flatMap((store, storeIndex) =>
    seedAssociates(storeIndex, rng).map((a) => ({ ...a, storeId: store.id })),
  );
  // One hash per distinct PIN, as seed-chain.ts does: the staff share the demo's two PINs, and a
  // scrypt run each (60 of them) cost every test database seconds of CPU.
  const pinHashes = new Map<string, Promise<string>>();
  const hashOnce = (pin: string) => {
    const known = pinHashes.get(pin);
    if (known) return known;
    const hash = hashPin(pin);
    pinHashes.set(pin, hash);
    return hash;
  };
  const hashed = await Promise.all(staff.map(async (a) => ({ ...a, pinHash: await hashOnce(a.pin) })));
  const associateRows = await db
    .insert(t.associates)
    .values(hashed.map(({ pin: _pin, ...a }) => a))
    .returning();

  const orders = await seedOrders(db, rng, now, associateRows, options);
  await db
    .insert(t.appMeta)
    .values({ key: 'demo_seed', value: { seed: DEMO_SEED, seededAt: now.toISOString() } })
    .onConflictDoUpdate({
      target: t.appMeta.key,
      set: { value: { seed: DEMO_SEED, seededAt: now.toISOString() } },
    });
  return { stores: seedStores.length, products: catalogue.length, orders };
}

type AssociateRow = typeof t.associates.$inferSelect;

async function seedOrders(
  db: Db,
  rng: ReturnType<typeof createRng>,
  now: Date,
  staff: AssociateRow[],
  options: SeedOptions,
): Promise<number> {
  const [first, ...others] = seedStores;
  if (!first) return 0;
  let count = 0;
  const firstCount = options.firstStoreOrders ?? 36;
  const placed: string[] = [];
  for (let i = 0; i < firstCount; i++) {
    // Promises from two hours ago to eight hours ahead: some late, some at risk, most on time.
    const promisedAt = new Date(
      now.getTime() + (-120 + Math.round((600 * i) / firstCount) + rng.int(-10, 10)) * 60_000,
    );
    const type: FulfillmentType = i % 6 === 5 ? 'ship_from_store' : i % 9 === 4 ? 'curbside' : 'pickup';
    const placedAt = new Date(promisedAt.getTime() - rng.int(2, 26) * 3_600_000);
    const order = await placeDemoOrder(db, rng, {
      storeId: first.id,
      fulfillmentType: type,
      promisedAt,
      placedAt,
    });
    if (order) {
      placed.push(order.id);
      count++;
    }
  }
  for (const store of others) {
    for (let i = 0; i < (options.ordersPerOtherStore ?? 4); i++) {
      const promisedAt = new Date(now.getTime() + rng.int(30, 480) * 60_000);
      if (await placeDemoOrder(db, rng, { storeId: store.id, fulfillmentType: 'pickup', promisedAt }))
        count++;
    }
  }
  // The earliest pickup orders are already done or under way, as in a real morning.
  const picker = staff.find((a) => a.storeId === first.id && a.role === 'associate');
  if (picker) await progressOrders(db, placed.slice(0, Math.floor(placed.length / 4)), picker);
  // Last, so the rest of the demo draws the same random numbers with or without them.
  for (const trackingNumber of demoInboundParcels.slice(0, options.inboundOrders ?? 3)) {
    const promisedAt = new Date(now.getTime() + rng.int(24, 72) * 3_600_000);
    const inbound = { trackingNumber };
    if (
      await placeDemoOrder(db, rng, {
        storeId: first.id,
        fulfillmentType: 'ship_to_store',
        promisedAt,
        inbound,
      })
    )
      count++;
  }
  // Their own random numbers, so they change nothing above or below.
  if (picker && options.idCheckOrders !== false) {
    count += await seedIdCheckOrders(db, createRng(DEMO_SEED + 15), first.id, now, picker);
  }
  // Draws no random numbers, so it changes nothing above.
  if (options.returnOrders !== false) count += await seedDemoReturns(db, now);
  // Its own random numbers, for the same reason.
  const pastDays = options.pastDays ?? 7;
  if (picker && pastDays > 0) {
    count += await seedDemoWeek(db, createRng(DEMO_SEED + 7), first, seedActor(picker), now, pastDays);
  }
  return count;
}

/** The seed acts as this associate, on a device called "seed". */
function seedActor(picker: AssociateRow): CommandActor {
  return {
    type: 'associate',
    id: picker.id,
    name: picker.name,
    storeId: picker.storeId,
    role: 'associate',
    deviceId: 'seed',
  };
}

async function progressOrders(db: Db, orderIds: string[], picker: AssociateRow): Promise<void> {
  const actor = seedActor(picker);
  for (const [index, orderId] of orderIds.entries()) {
    await db.transaction(async (tx) => {
      const [order] = await tx.select().from(t.orders).where(eq(t.orders.id, orderId));
      if (!order || order.fulfillmentType === 'ship_from_store') return;
      const claim = { name: 'order.claim', args: { orderId } };
      // Every third order is left mid-pick.
      const rest =
        index % 3 === 2
          ? []
          : await pickAndStage(
              tx,
              orderId,
              `${picker.storeId}-A${String((index % 12) + 1).padStart(2, '0')}`,
            );
      await runCommands(tx, actor, [claim, ...rest], demoServices);
    });
  }
}

/**
 * Ready at the counter, promised last so they sit at the end of the queue: one with an item for
 * adults only (the ID step asks for the date of birth), one a named friend collects (the name on
 * their document must match).
 */
async function seedIdCheckOrders(
  db: Db,
  rng: ReturnType<typeof createRng>,
  storeId: string,
  now: Date,
  picker: AssociateRow,
): Promise<number> {
  const promisedAt = new Date(now.getTime() + 9 * 3_600_000);
  const flagged = [
    await placeDemoOrder(db, rng, { storeId, fulfillmentType: 'pickup', promisedAt, minimumAge: 18 }),
    await placeDemoOrder(db, rng, {
      storeId,
      fulfillmentType: 'pickup',
      promisedAt,
      idCheck: { collector: { name: 'Giulia Ferrari' } },
    }),
  ].filter((order) => order !== undefined);
  for (const [index, order] of flagged.entries()) {
    await db.transaction(async (tx) => {
      const steps = await pickAndStage(tx, order.id, `${storeId}-B0${index + 6}`);
      await runCommands(tx, seedActor(picker), [
        { name: 'order.claim', args: { orderId: order.id } },
        ...steps,
      ]);
    });
  }
  return flagged.length;
}

/** Picks every unit by its product's barcode, then stages the order. */
async function pickAndStage(tx: Executor, orderId: string, location: string) {
  const lines = await tx
    .select({ qty: t.orderLines.qtyOrdered, barcode: t.products.barcode })
    .from(t.orderLines)
    .innerJoin(t.products, eq(t.products.id, t.orderLines.productId))
    .where(eq(t.orderLines.orderId, orderId))
    .orderBy(t.orderLines.lineNo);
  return [
    ...lines.map((line) => ({ name: 'pick.confirm', args: { orderId, code: line.barcode, qty: line.qty } })),
    { name: 'order.stage', args: { orderId, locationCode: location } },
  ];
}
