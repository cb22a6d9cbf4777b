import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Session } from '../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../contract/orders';
import type { PullResponse } from '../contract/sync';
import { dispositions } from '../domain/disposition';
import { withCheckDigit } from '../domain/gtin';
import { pickupPassContent } from '../domain/pickup-pass';
import { shortReasons } from '../domain/picking';
import type { Rng } from '../server/db/seed';
import { pickupArrivals, stock } from '../server/db/schema';
import { stockedProducts, type StockedProduct, intakeBody } from '../server/testing/fixtures';
import { bearer, TEST_API_KEY, type TestApp } from '../server/testing/test-app';

/**
 * The store a parity run starts from, made through the real API before the device's first
 * pull: orders of every kind and in every state a command can meet (new, claimed by another
 * associate, picked and staged with a customer waiting, packed with and without a label, a
 * ship-to-store parcel on its way, cancelled with units to put back), and another store with
 * plenty of every product, to reserve at and re-route to.
 */
export const PICKUP_CODE = '482913';
export const SSCC = '00380123450000000013';
/** The other store. Its stock is the server's alone: the world gives it plenty. */
export const OTHER_STORE = 'MI02';

export interface World {
  device: Session;
  other: Session;
  manager: Session;
  products: StockedProduct[];
  orders: OrderDetail[];
  /** Codes the catalogue does not know, and a catalogue product no order holds. */
  unknownGtin: string;
  strangerBarcode: string;
  arrivalId: string;
  /** The ship-from-store order whose label is booked (the device knows it). */
  labelledId: string;
}

export async function buildWorld(t: TestApp, rng: Rng): Promise<World> {
  const device = await t.signIn({ employeeId: '1001', deviceId: 'parity-device' });
  const other = await t.signIn({ employeeId: '1002', deviceId: 'parity-other' });
  const manager = await t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'parity-manager' });
  const products = await stockedProducts(t.database.db, 'MI01', 40, 6);
  await t.database.db
    .insert(stock)
    .values(products.map((p) => ({ storeId: OTHER_STORE, productId: p.id, onHand: 1000 })))
    .onConflictDoUpdate({
      target: [stock.storeId, stock.productId],
      set: { onHand: sql`${stock.reserved} + ${stock.safetyStock} + 1000` },
    });
  const pool = rng.shuffle([...products]);
  const stranger = pool.pop()!;
  const take = () => {
    const chosen = pool.splice(0, rng.int(1, 3));
    return chosen.map((p) => ({ sku: p.sku, qty: rng.int(1, 3) }));
  };
  const place = async (overrides: Partial<IntakeOrderBody> = {}) => {
    const body = intakeBody(take(), { pickupCode: PICKUP_CODE, ...overrides });
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'x-api-key': TEST_API_KEY },
      payload: body,
    });
    if (answer.statusCode !== 201) throw new Error(`intake: ${answer.body}`);
    return answer.json<{ id: string }>().id;
  };
  const act = async (who: Session, orderId: string, action: string, payload: object = {}) => {
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/${action}`,
      headers: bearer(who),
      payload,
    });
    if (answer.statusCode >= 300) throw new Error(`${action}: ${answer.body}`);
  };
  const detail = async (orderId: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/orders/${orderId}`, headers: bearer(device) })
    ).json<OrderDetail>();
  const pickAll = async (who: Session, orderId: string) => {
    await act(who, orderId, 'claim');
    for (const line of (await detail(orderId)).lines) {
      await act(who, orderId, 'pick', { code: line.barcode, qty: line.qtyOrdered });
    }
  };

  const ids: string[] = [];
  // Each of the customers' substitution preferences (issue 15), so substitutes are allowed,
  // asked about and refused.
  const preferences = ['similar', 'ask', 'none'] as const;
  for (let i = 0; i < 6; i++) ids.push(await place({ substitution: { mode: preferences[i % 3]! } }));
  // Claimed by another associate: the device's claim is refused.
  const theirs = await place();
  await act(other, theirs, 'claim');
  // Ready on a shelf, a customer waiting for it.
  const ready = await place();
  await pickAll(device, ready);
  // Earlier worlds in this database left theirs on the same shelf: the associate says yes.
  await act(device, ready, 'stage', { locationCode: 'MI01-A01', shareShelf: true });
  const arrivalId = randomUUID();
  await t.database.db
    .insert(pickupArrivals)
    .values({ id: arrivalId, orderId: ready, storeId: 'MI01', kind: 'counter' });
  await t.database.db.execute(sql`update store_sync set version = version + 1 where store_id = 'MI01'`);
  // Ready too, with a line for adults only and a named collector: the handover waits for the ID step.
  const flagged = await place({ idCheck: { collector: { name: 'Anna Bianchi' } } });
  await t.database.db.execute(
    sql`update order_lines set minimum_age = 18 where order_id = ${flagged} and line_no = 1`,
  );
  await pickAll(device, flagged);
  await act(device, flagged, 'stage', { locationCode: 'MI01-A01', shareShelf: true });
  // Cancelled after picking: its units wait to be put back.
  const cancelled = await place();
  await act(device, cancelled, 'claim');
  const firstLine = (await detail(cancelled)).lines[0]!;
  await act(device, cancelled, 'pick', { code: firstLine.barcode, qty: 1 });
  await act(manager, cancelled, 'cancel', { reason: 'customer asked' });
  // Ship from store: one picked, one packed with its label booked.
  const address = {
    name: 'Chiara Test',
    line1: 'Via Roma 1',
    postcode: '20121',
    city: 'Milano',
    country: 'IT',
  };
  const picked = await place({ fulfillmentType: 'ship_from_store', shippingAddress: address });
  await pickAll(device, picked);
  const labelled = await place({ fulfillmentType: 'ship_from_store', shippingAddress: address });
  await pickAll(device, labelled);
  await act(device, labelled, 'pack', { packages: [{ type: 'box-s', weightGrams: 800 }] });
  const booked = await t.app.inject({
    method: 'POST',
    url: `/api/orders/${labelled}/shipment`,
    headers: bearer(device),
    payload: {},
  });
  if (booked.statusCode >= 300) throw new Error(`label: ${booked.body}`);
  // Ship to store: the parcel is on its way.
  const inbound = await place({ fulfillmentType: 'ship_to_store', inbound: { trackingNumber: SSCC } });

  const all = [...ids, theirs, ready, flagged, cancelled, picked, labelled, inbound];
  return {
    device,
    other,
    manager,
    products,
    orders: await Promise.all(all.map(detail)),
    unknownGtin: withCheckDigit('200000' + String(rng.int(100000, 999999))),
    strangerBarcode: stranger.barcode,
    arrivalId,
    labelledId: labelled,
  };
}

/** One command as the device queues it. */
export interface Generated {
  name: string;
  args: Record<string, unknown>;
}

/**
 * A seeded random command over the world's orders: mostly what an associate does, with a
 * share of what goes wrong (another's order, a wrong item, an unknown shelf, a wrong code, a
 * second handover, an associate's cancel, a re-route or reservation in the associate's own
 * store, a walk-in customer with no way to reach them, a return of units not on the order,
 * bad arguments).
 */
export function nextCommand(rng: Rng, world: World, replica: PullResponse['orders']): Generated {
  const order = rng.pick(replica);
  const orderId = order.id;
  const line = rng.pick(order.lines);
  // Most of the time, the next step of the order's journey; otherwise anything at all.
  const next = rng.chance(0.65) ? journeyStep(rng, world, order) : undefined;
  if (next) return next;
  const kind = rng.pick([
    'claim',
    'pick',
    'pick',
    'pick',
    'pick',
    'short',
    'stage',
    'handover',
    'putBack',
    'count',
    'pack',
    'ship',
    'receive',
    'cancelLine',
    'cancel',
    'arrival',
    'reroute',
    'reserve',
    'reserve',
    'return',
    'return',
    'substitute',
    'substitute',
    'decide',
    'handoverPart',
    'refuse',
    'checkId',
    'bad',
  ] as const);
  switch (kind) {
    case 'claim':
      return { name: 'order.claim', args: { orderId } };
    case 'pick': {
      const code = rng.chance(0.7)
        ? line.barcode
        : rng.pick([world.strangerBarcode, world.unknownGtin, 'LOC:MI01:STG:MI01-A03', 'hello']);
      return { name: 'pick.confirm', args: { orderId, code, qty: rng.chance(0.85) ? 1 : rng.int(2, 4) } };
    }
    case 'short':
      return {
        name: 'pick.short',
        args: { orderId, lineId: line.id, qty: rng.int(1, 2), reason: rng.pick(shortReasons) },
      };
    case 'stage':
      return {
        name: 'order.stage',
        args: {
          orderId,
          locationCode: rng.chance(0.75) ? ` mi01-a0${rng.int(2, 9)} ` : 'MI01-Z99',
          // Sometimes the associate was asked about a full shelf and said yes.
          ...(rng.chance(0.3) ? { shareShelf: true } : {}),
        },
      };
    case 'handover': {
      const code = rng.pick([
        PICKUP_CODE,
        PICKUP_CODE,
        '000000',
        pickupPassContent(order.number, PICKUP_CODE),
        pickupPassContent('W0', PICKUP_CODE),
      ]);
      return { name: 'order.handover', args: { orderId, code } };
    }
    case 'putBack':
      return { name: 'order.putBack', args: { orderId } };
    case 'count':
      return {
        name: 'order.count',
        args: {
          orderId,
          purpose: rng.chance(0.5) ? 'putBack' : 'arrival',
          counted: order.lines
            .map((l) => ({ gtin14: l.gtin14, qty: rng.chance(0.8) ? Math.max(1, l.qtyPicked) : 2 }))
            .concat(rng.chance(0.2) ? [{ gtin14: world.unknownGtin.padStart(14, '0'), qty: 1 }] : []),
        },
      };
    case 'pack':
      return {
        name: 'order.pack',
        args: {
          orderId,
          packages: rng.chance(0.8)
            ? [{ type: 'box-m', weightGrams: rng.int(100, 4000) }]
            : [{ type: 'bag', weightGrams: 0 }],
        },
      };
    case 'ship':
      // Whether a label exists is known to the device only once pulled: ship the labelled order.
      return { name: 'order.ship', args: { orderId: world.labelledId } };
    case 'receive':
      return {
        name: 'order.receive',
        args: {
          orderId,
          code: rng.chance(0.7) ? `]C1${SSCC}` : '00380123450000000020',
          locationCode: rng.chance(0.8) ? 'MI01-B02' : 'MI01-Z98',
        },
      };
    case 'cancelLine':
      return { name: 'order.cancelLine', args: { orderId, lineId: line.id } };
    case 'cancel':
      return { name: 'order.cancel', args: { orderId, reason: 'changed mind' } };
    case 'arrival':
      return {
        name: 'arrival.acknowledge',
        args: { orderId, arrivalId: rng.chance(0.7) ? world.arrivalId : randomUUID() },
      };
    case 'reroute':
      return reroute(rng, orderId, line.id);
    case 'reserve':
      return reserve(rng, world);
    case 'return':
      return takeBack(rng, order);
    case 'substitute':
      return substitute(rng, world, orderId, line);
    case 'decide':
      // Only the customer answers, from their link: a device's answer is refused.
      return { name: 'substitution.decide', args: { orderId, lineId: line.id, accept: rng.chance(0.5) } };
    case 'handoverPart':
      return handoverPart(rng, order);
    case 'refuse':
      return refuse(rng, order);
    case 'checkId':
      return checkId(rng, orderId);
    case 'bad':
      return { name: 'pick.confirm', args: { orderId, code: '', qty: 0 } };
  }
}

/**
 * A substitute scanned for a line's units: mostly another product of the store, now and then the
 * ordered one itself or a code the catalogue does not know.
 */
function substitute(
  rng: Rng,
  world: World,
  orderId: string,
  line: PullResponse['orders'][number]['lines'][number],
): Generated {
  const code = rng.chance(0.8)
    ? rng.pick([world.strangerBarcode, rng.pick(world.products).barcode])
    : rng.pick([line.barcode, world.unknownGtin]);
  return { name: 'pick.substitute', args: { orderId, lineId: line.id, code, qty: rng.int(1, 2) } };
}

/** Some units of a line now, the rest staged; now and then more than is on the shelf. */
function handoverPart(rng: Rng, order: PullResponse['orders'][number]): Generated {
  const line = rng.pick(order.lines);
  return {
    name: 'order.handover',
    args: {
      orderId: order.id,
      code: rng.chance(0.9) ? PICKUP_CODE : '000000',
      lines: [{ lineId: rng.chance(0.9) ? line.id : randomUUID(), qty: rng.int(1, 2) }],
    },
  };
}

/** The customer refuses a unit or two at the counter, now and then for a reason nobody knows. */
function refuse(rng: Rng, order: PullResponse['orders'][number]): Generated {
  const units = Array.from({ length: rng.int(1, 2) }, () => ({
    lineId: rng.pick(order.lines).id,
    reason: rng.pick(['changedMind', 'tooSmall', 'damagedOnArrival', 'ugly']),
    disposition: rng.pick(dispositions),
  }));
  return { name: 'order.refuseItems', args: { orderId: order.id, refusalId: randomUUID(), units } };
}

/** The ID step: an adult or a minor, the named collector or someone else, or a bad last 4. */
function checkId(rng: Rng, orderId: string): Generated {
  const year = new Date().getUTCFullYear();
  return {
    name: 'order.checkId',
    args: {
      orderId,
      documentType: rng.pick(['identityCard', 'passport', 'drivingLicence']),
      last4: rng.chance(0.85) ? 'AB12' : '1-',
      ...(rng.chance(0.8) ? { dateOfBirth: `${year - rng.pick([30, 16])}-03-10` } : {}),
      ...(rng.chance(0.8) ? { nameOnDocument: rng.pick(['Bianchi Anna', 'Marco Rossi']) } : {}),
    },
  };
}

/** The short units of a line to another store; now and then to the associate's own. */
function reroute(rng: Rng, orderId: string, lineId: string): Generated {
  const toStoreId = rng.chance(0.7) ? OTHER_STORE : 'MI01';
  return { name: 'order.reroute', args: { rerouteId: randomUUID(), orderId, lineId, toStoreId } };
}

/** A walk-in customer reserving at another store, sometimes with a form the rules refuse. */
function reserve(rng: Rng, world: World): Generated {
  const customer = rng.pick([
    { name: 'Giulia Rossi', phone: '333 123 4567', language: 'it' },
    { name: 'Ann Lee', email: 'ann@example.com', language: 'en' },
    { name: 'Marco Bianchi', phone: '+39 02 1234567', email: 'marco@example.it', language: 'it' },
    { name: ' ', phone: '333 123 4567', language: 'it' },
    { name: 'Ann Lee', language: 'en' },
    { name: 'Ann Lee', email: 'ann@example', language: 'en' },
    { name: 'Ann Lee', phone: '12', language: 'en' },
  ]);
  return {
    name: 'stock.reserveElsewhere',
    args: {
      reservationId: randomUUID(),
      storeId: rng.chance(0.7) ? OTHER_STORE : 'MI01',
      productId: rng.pick(world.products).id,
      qty: rng.int(1, 3),
      customer,
      pickupCode: String(rng.int(100000, 999999)),
    },
  };
}

/**
 * Units of the order coming back at the counter, whatever its state (one not delivered waits
 * for a manager, never refused); now and then one of a line not on it, a manager's override
 * the associate may not give, or no units at all.
 */
function takeBack(rng: Rng, order: PullResponse['orders'][number]): Generated {
  const units = Array.from({ length: rng.int(1, 2) }, () => ({
    lineId: rng.chance(0.85) ? rng.pick(order.lines).id : randomUUID(),
    reason: rng.pick(['changedMind', 'tooSmall', 'damagedOnArrival']),
    condition: 'new',
    disposition: rng.pick(dispositions),
  }));
  return {
    name: 'return.submit',
    args: {
      returnId: randomUUID(),
      orderId: order.id,
      takenAt: new Date().toISOString(),
      units: rng.chance(0.1) ? [] : units,
      ...(rng.chance(0.2) ? { override: { reason: 'Goodwill gesture' } } : {}),
      receipt: { email: null, language: 'it' },
    },
  };
}

/** What an associate would do next with the order, as the device shows it. */
function journeyStep(rng: Rng, world: World, order: PullResponse['orders'][number]): Generated | undefined {
  const orderId = order.id;
  const mine = order.claimedBy?.id === world.device.associate.id;
  const open = order.lines.filter((l) => l.qtyOrdered - l.qtyPicked - l.qtyShort > 0);
  // Short units not handled yet: moved to the other store, as the pick screen offers.
  const short = order.lines.find(
    (l) => l.qtyShort > 0 && !l.reroutedTo && !l.customerNotified && !l.substitute,
  );
  if (short && rng.chance(0.5)) return reroute(rng, orderId, short.id);
  switch (order.status) {
    case 'new':
      return order.fulfillmentType === 'ship_to_store'
        ? { name: 'order.receive', args: { orderId, code: SSCC, locationCode: 'MI01-B03' } }
        : { name: 'order.claim', args: { orderId } };
    case 'picking': {
      if (!mine || open.length === 0) return { name: 'order.claim', args: { orderId } };
      const line = rng.pick(open);
      if (rng.chance(0.1)) return substitute(rng, world, orderId, line);
      return rng.chance(0.85)
        ? { name: 'pick.confirm', args: { orderId, code: line.barcode, qty: 1 } }
        : { name: 'pick.short', args: { orderId, lineId: line.id, qty: 1, reason: 'not_found' } };
    }
    case 'picked':
      return order.fulfillmentType === 'ship_from_store'
        ? { name: 'order.pack', args: { orderId, packages: [{ type: 'box-s', weightGrams: 700 }] } }
        : {
            name: 'order.stage',
            args: {
              orderId,
              locationCode: `MI01-A0${rng.int(2, 9)}`,
              // A substitute may wait for the customer: now and then staged without it.
              ...(rng.chance(0.5) ? { withoutPending: true } : {}),
            },
          };
    case 'ready':
      if (order.idCheck?.reasons.length && !order.idCheck.checkedAt && rng.chance(0.7)) {
        return checkId(rng, orderId);
      }
      if (rng.chance(0.2)) return refuse(rng, order);
      return rng.chance(0.3)
        ? handoverPart(rng, order)
        : { name: 'order.handover', args: { orderId, code: PICKUP_CODE } };
    case 'packed':
      return { name: 'order.ship', args: { orderId } };
    case 'cancelled':
      return { name: 'order.putBack', args: { orderId } };
    default:
      return undefined;
  }
}
