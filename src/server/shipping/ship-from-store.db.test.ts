import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type {
  CloseManifestResponse,
  ManifestsResponse,
  ManifestView,
  ShipmentResponse,
} from '../../contract/shipping';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { parseFleetTrackingNumber } from '../../domain/fleet-tracking-number';
import { auditLog, shipments } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, type TestApp as AppUnderTest } from '../testing/test-app';
import type { CarrierAdapter } from './carrier';
import { CarrierError, carrierErrorCodes } from './carrier-error';
import { carrierRegistryOf } from './carrier-registry';
import { nextCarrierSequence } from './carrier-sequence';
import { createOwnFleetCarrier } from './own-fleet-carrier';

let t: TestApp;
let session: Session;
let products: StockedProduct[];
let nextProduct = 0;

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 40, 4);
});
afterAll(() => t?.close());

const shipTo: NonNullable<IntakeOrderBody['shippingAddress']> = {
  name: 'Niccolò Bianchi',
  line1: 'Piazza della Città 3',
  postcode: '50122',
  city: 'Firenze',
  province: 'FI',
  country: 'IT',
};

const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: bearer(session),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

function stream() {
  const clientId = randomUUID();
  let seq = 0;
  return {
    push: async (...commands: [name: string, args: unknown][]) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(session),
        payload: {
          clientId,
          mutations: commands.map(([name, args]) => ({ id: randomUUID(), seq: ++seq, name, v: 1, args })),
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<PushResponse>().results;
    },
  };
}

/** A ship-from-store order, claimed and fully picked through the sync push. */
async function pickedShipOrder(overrides: Partial<IntakeOrderBody> = {}) {
  const product = products[nextProduct++]!;
  const order = await t.placeOrder([{ sku: product.sku, qty: 2 }], {
    fulfillmentType: 'ship_from_store',
    shippingAddress: shipTo,
    ...overrides,
  });
  const device = stream();
  const results = await device.push(
    ['order.claim', { orderId: order.id }],
    ['pick.confirm', { orderId: order.id, code: product.barcode, qty: 2 }],
  );
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { order, device };
}

const twoBoxes = [
  { type: 'box-m', weightGrams: 1250 },
  { type: 'custom', weightGrams: 480, lengthMm: 500, widthMm: 120, heightMm: 90 },
];

async function orderDetail(orderId: string): Promise<OrderDetail> {
  const response = await inject('GET', `/api/orders/${orderId}`);
  expect(response.statusCode).toBe(200);
  return response.json<OrderDetail>();
}

async function isPdf(body: Buffer, pages: number) {
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await PDFDocument.load(body)).getPageCount()).toBe(pages);
}

describe('ship-from-store through the sync push and the API', () => {
  it('packs, refuses to ship without a label, books it once, prints, ships and closes the day', async () => {
    const { order, device } = await pickedShipOrder();
    const early = await device.push(['order.ship', { orderId: order.id }]);
    expect(early[0]?.error?.code).toBe('order.illegalTransition');

    const [packed] = await device.push(['order.pack', { orderId: order.id, packages: twoBoxes }]);
    expect(packed?.status).toBe('applied');
    const detail = await orderDetail(order.id);
    expect(detail).toMatchObject({ status: 'packed', shipment: null });
    expect(detail.packages).toEqual([
      { packageNumber: 1, type: 'box-m', weightGrams: 1250, lengthMm: 400, widthMm: 300, heightMm: 200 },
      { packageNumber: 2, type: 'custom', weightGrams: 480, lengthMm: 500, widthMm: 120, heightMm: 90 },
    ]);

    // Offline, the device could queue "shipped" before anyone booked the label: the server says no.
    const [refused] = await device.push(['order.ship', { orderId: order.id }]);
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'ship.noLabel' } });
    const noLabels = await inject('GET', `/api/orders/${order.id}/labels.pdf`);
    expect(noLabels.statusCode).toBe(409);
    expect(noLabels.json().code).toBe('ship.noLabel');

    const booked = await inject('POST', `/api/orders/${order.id}/shipment`, {});
    expect(booked.statusCode, booked.body).toBe(201);
    const { shipment } = booked.json<ShipmentResponse>();
    expect(shipment).toMatchObject({
      carrierId: 'aisle-fleet',
      service: 'next-day',
      serviceName: 'Next day',
    });
    expect(shipment.packages.map((p) => p.packageNumber)).toEqual([1, 2]);
    for (const { trackingNumber } of shipment.packages) {
      expect(parseFleetTrackingNumber(trackingNumber)).toMatchObject({ storeCode: 'MI01' });
    }

    // Idempotent: the same shipment again, and no second booking or tracking number.
    const again = await inject('POST', `/api/orders/${order.id}/shipment`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<ShipmentResponse>()).toEqual({ created: false, shipment });
    // The device pulls the tracking numbers with the order.
    const pulled = (await inject('GET', '/api/sync/pull')).json<PullResponse>();
    expect(pulled.orders.find((o) => o.id === order.id)?.shipment).toEqual(shipment);

    // Re-packing after the label is booked would orphan it.
    const [repack] = await device.push(['order.pack', { orderId: order.id, packages: twoBoxes }]);
    expect(repack?.error?.code).toBe('pack.alreadyLabelled');

    const labels = await inject('GET', `/api/orders/${order.id}/labels.pdf`);
    expect(labels.statusCode).toBe(200);
    expect(labels.headers['content-type']).toBe('application/pdf');
    await isPdf(labels.rawPayload, 2);
    const reprint = await inject('GET', `/api/orders/${order.id}/labels.pdf`);
    expect(reprint.rawPayload.equals(labels.rawPayload)).toBe(true);
    const slip = await inject('GET', `/api/orders/${order.id}/packing-slip.pdf`);
    expect(slip.statusCode).toBe(200);
    await isPdf(slip.rawPayload, 1);

    const before = (await inject('GET', '/api/shipping/manifests')).json<ManifestsResponse>();
    expect(before.awaitingShip).toContainEqual({ orderId: order.id, orderNumber: order.number });
    expect(before.pending.rows.some((row) => row.orderNumber === order.number)).toBe(false);

    const [shipped] = await device.push(['order.ship', { orderId: order.id }]);
    expect(shipped?.status).toBe('applied');
    expect((await orderDetail(order.id)).status).toBe('shipped');

    const day = (await inject('GET', '/api/shipping/manifests')).json<ManifestsResponse>();
    expect(day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mine = day.pending.rows.filter((row) => row.orderNumber === order.number);
    expect(mine.map((row) => [row.packageNumber, row.packageCount, row.weightGrams])).toEqual([
      [1, 2, 1250],
      [2, 2, 480],
    ]);
    expect(mine[0]).toMatchObject({
      destinationPostcode: '50122',
      destinationCity: 'Firenze',
      service: 'next-day',
    });

    const closing = await inject('POST', '/api/shipping/manifests', { language: 'en' });
    expect(closing.statusCode, closing.body).toBe(201);
    const [manifest] = closing.json<CloseManifestResponse>().manifests;
    expect(manifest).toBeDefined();
    expect(manifest!.carrierManifestId).toMatch(
      new RegExp(`^MI01-${day.date.replaceAll('-', '')}-[0-9A-F]{6}$`),
    );
    expect(manifest!.totals).toEqual(day.pending.totals);
    expect(manifest!.rows).toEqual(day.pending.rows);

    const json = await inject('GET', `/api/shipping/manifests/${manifest!.id}`);
    expect(json.json<ManifestView>()).toEqual(manifest);
    const pdf = await inject('GET', `/api/shipping/manifests/${manifest!.id}.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    await isPdf(pdf.rawPayload, 1);

    // Nothing is left to close, and the day lists its manifest.
    const twice = await inject('POST', '/api/shipping/manifests', {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('carrier.nothingToClose');
    const after = (await inject('GET', '/api/shipping/manifests')).json<ManifestsResponse>();
    expect(after.pending.rows).toEqual([]);
    expect(after.manifests.map((m) => m.id)).toContain(manifest!.id);
    const missing = await inject('GET', `/api/shipping/manifests/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);

    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, order.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['order.pack', 'order.label', 'order.ship']),
    );
  });

  it('applies the pack rules on the server: ship-from-store only, from picked only, packages in range', async () => {
    const { order, device } = await pickedShipOrder();
    const pickupProduct = products[nextProduct++]!;
    const pickup = await t.placeOrder([{ sku: pickupProduct.sku, qty: 1 }]);
    const results = await device.push(
      ['order.pack', { orderId: pickup.id, packages: twoBoxes }],
      ['order.pack', { orderId: order.id, packages: [] }],
      ['order.pack', { orderId: order.id, packages: [{ type: 'box-s', weightGrams: 0 }] }],
      ['order.pack', { orderId: order.id, packages: [{ type: 'custom', weightGrams: 10 }] }],
      ['order.pack', { orderId: order.id, packages: [{ type: 'crate', weightGrams: 10 }] }],
      ['order.pack', { orderId: order.id, packages: [{ type: 'box-s', weightGrams: 900 }] }],
      // A re-pack before the label: a new revision, so new idempotency keys for the carrier.
      ['order.pack', { orderId: order.id, packages: [{ type: 'box-l', weightGrams: 2100 }] }],
    );
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'order.notForFulfillmentType',
      'pack.noPackages',
      'pack.weightOutOfRange',
      'pack.dimensionsRequired',
      'sync.invalidArgs',
      'applied',
      'applied',
    ]);
    const detail = await orderDetail(order.id);
    expect(detail.packages).toHaveLength(1);
    expect(detail.packages?.[0]).toMatchObject({ type: 'box-l', weightGrams: 2100 });

    const unpicked = await t.placeOrder([{ sku: products[nextProduct++]!.sku, qty: 1 }], {
      fulfillmentType: 'ship_from_store',
      shippingAddress: shipTo,
    });
    const rest = await inject('POST', `/api/orders/${unpicked.id}/pack`, { packages: twoBoxes });
    expect(rest.statusCode).toBe(409);
    expect(rest.json().code).toBe('order.illegalTransition');
    const label = await inject('POST', `/api/orders/${unpicked.id}/shipment`);
    expect(label.json().code).toBe('order.illegalTransition');
  });

  it('books one label when several calls race, with no tracking number used twice', async () => {
    const { order } = await pickedShipOrder();
    const packed = await inject('POST', `/api/orders/${order.id}/pack`, { packages: twoBoxes });
    expect(packed.statusCode, packed.body).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => inject('POST', `/api/orders/${order.id}/shipment`)),
    );
    const ok = answers.filter((a) => a.statusCode < 300).map((a) => a.json<ShipmentResponse>());
    for (const answer of answers.filter((a) => a.statusCode >= 300)) {
      expect(answer.statusCode).toBe(409);
      expect(answer.json().code).toBe('shipment.inProgress');
    }
    expect(ok.filter((a) => a.created)).toHaveLength(1);
    const numbers = new Set(ok.map((a) => a.shipment.packages.map((p) => p.trackingNumber).join()));
    expect(numbers.size).toBe(1);
    const final = (await inject('POST', `/api/orders/${order.id}/shipment`)).json<ShipmentResponse>();
    expect(final.shipment.packages).toEqual(ok[0]!.shipment.packages);
    const rows = await t.database.db.select().from(shipments).where(eq(shipments.orderId, order.id));
    expect(rows.map((r) => r.status)).toEqual(['booked']);
  });

  it('closes the day once when two devices close it together, with the totals of both orders', async () => {
    const shipped = [];
    for (const weight of [700, 1900]) {
      const { order } = await pickedShipOrder();
      await inject('POST', `/api/orders/${order.id}/pack`, {
        packages: [{ type: 'bag', weightGrams: weight }],
      });
      expect((await inject('POST', `/api/orders/${order.id}/shipment`)).statusCode).toBe(201);
      expect((await inject('POST', `/api/orders/${order.id}/ship`, {})).statusCode).toBe(200);
      shipped.push(order.number);
    }
    const [a, b] = await Promise.all([
      inject('POST', '/api/shipping/manifests', {}),
      inject('POST', '/api/shipping/manifests', {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const [manifest] = (a.statusCode === 201 ? a : b).json<CloseManifestResponse>().manifests;
    expect(manifest!.totals).toEqual({ shipments: 2, packages: 2, weightGrams: 2600 });
    expect(manifest!.rows.map((row) => row.orderNumber).sort()).toEqual(shipped.sort());
    const day = (await inject('GET', '/api/shipping/manifests')).json<ManifestsResponse>();
    expect(day.manifests.filter((m) => m.id === manifest!.id)).toHaveLength(1);
  });

  it('takes the own-fleet sequence from one counter row: concurrent calls never share a number', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 40 }, () => nextCarrierSequence(t.database.db, 'MI02', 'aisle-fleet')),
    );
    expect(new Set(numbers).size).toBe(40);
    expect(Math.max(...numbers) - Math.min(...numbers)).toBe(39);
  });

  it('refuses labels and documents of another store, and of an order that is not ship-from-store', async () => {
    const { order } = await pickedShipOrder();
    await inject('POST', `/api/orders/${order.id}/pack`, { packages: twoBoxes });
    const other = await t.signIn({ storeId: 'MI02', employeeId: '2001' });
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/shipment`,
      headers: bearer(other),
    });
    expect(foreign.statusCode).toBe(404);
    const pickup = await t.placeOrder([{ sku: products[nextProduct++]!.sku, qty: 1 }]);
    const notShip = await inject('POST', `/api/orders/${pickup.id}/shipment`);
    expect(notShip.statusCode).toBe(409);
    expect(notShip.json().code).toBe('order.notForFulfillmentType');
    const slip = await inject('GET', `/api/orders/${pickup.id}/packing-slip.pdf`);
    expect(slip.json().code).toBe('order.illegalTransition');
  });
});

describe('a carrier that fails', () => {
  let calls: string[][] = [];
  let failures: CarrierError[] = [];
  let flaky: AppUnderTest;

  beforeAll(async () => {
    let sequence = 500;
    const fleet = createOwnFleetCarrier({ nextSequence: async () => ++sequence });
    const adapter: CarrierAdapter = {
      ...fleet,
      async createShipment(request) {
        calls.push(request.packages.map((p) => p.idempotencyKey));
        const failure = failures.shift();
        if (failure) throw failure;
        return fleet.createShipment(request);
      },
    };
    // The same database, another app whose store books with this carrier.
    flaky = await createTestApp(
      {},
      { database: t.database, carriers: carrierRegistryOf({ adapter, defaultService: 'same-day' }) },
    );
  });
  afterAll(() => flaky?.app.close());

  const post = (url: string, payload: unknown = {}) =>
    flaky.app.inject({
      method: 'POST',
      url,
      headers: bearer(session),
      payload: payload as Record<string, unknown>,
    });

  it('retries carrier.unavailable with the same idempotency keys, and books once', async () => {
    const { order } = await pickedShipOrder();
    await post(`/api/orders/${order.id}/pack`, { packages: twoBoxes });
    calls = [];
    failures = [new CarrierError(carrierErrorCodes.unavailable, 'timeout')];
    const booked = await post(`/api/orders/${order.id}/shipment`);
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json<ShipmentResponse>().shipment.serviceName).toBe('Same day');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]).toEqual([`${order.id}/1/1`, `${order.id}/1/2`]);
  });

  it('drops the lease on a refusal, so a re-pack can book with new keys', async () => {
    const { order } = await pickedShipOrder();
    await post(`/api/orders/${order.id}/pack`, { packages: twoBoxes });
    calls = [];
    failures = [
      new CarrierError(carrierErrorCodes.weightOutOfRange, 'too heavy', { packageNumber: 1, maxGrams: 1000 }),
    ];
    const refused = await post(`/api/orders/${order.id}/shipment`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'carrier.weightOutOfRange', details: { packageNumber: 1 } });
    expect(calls).toHaveLength(1);
    const leases = await t.database.db.select().from(shipments).where(eq(shipments.orderId, order.id));
    expect(leases).toEqual([]);

    const repacked = await post(`/api/orders/${order.id}/pack`, {
      packages: [
        { type: 'box-s', weightGrams: 900 },
        { type: 'box-s', weightGrams: 800 },
      ],
    });
    expect(repacked.statusCode).toBe(200);
    const booked = await post(`/api/orders/${order.id}/shipment`);
    expect(booked.statusCode).toBe(201);
    expect(calls[1]).toEqual([`${order.id}/2/1`, `${order.id}/2/2`]);
  });

  it('gives up after a few unavailable answers and says the carrier is unavailable', async () => {
    const { order } = await pickedShipOrder();
    await post(`/api/orders/${order.id}/pack`, { packages: twoBoxes });
    calls = [];
    failures = [1, 2, 3].map(() => new CarrierError(carrierErrorCodes.unavailable, 'down'));
    const down = await post(`/api/orders/${order.id}/shipment`);
    expect(down.statusCode).toBe(503);
    expect(down.json().code).toBe('carrier.unavailable');
    expect(calls).toHaveLength(3);
    // Later the carrier is back: the same keys, one booking.
    expect((await post(`/api/orders/${order.id}/shipment`)).statusCode).toBe(201);
    expect(calls[3]).toEqual(calls[0]);
  });
});
