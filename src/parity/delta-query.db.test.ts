import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionOf } from '../commands/registry';
import type { PullResponse, PushResponse } from '../contract/sync';
import { buildWorld, nextCommand, type World } from './parity-world';
import { PickupCodeKeys } from '../server/core/pickup-code-keys';
import type { Principal } from '../server/core/tokens';
import { createRng } from '../server/db/seed';
import { StatementCounter } from '../server/db/statement-counter';
import { bearer, createTestApp, type TestApp } from '../server/testing/test-app';
import { openTestDatabase } from '../server/testing/test-database';
import { seedTestData } from '../server/testing/test-app';
import { pullDelta } from '../server/sync/delta-query';
import { pullChanges } from '../server/sync/pull-service';

/**
 * Issue 16 point 2: the one-statement delta (delta-query.ts) answers what the pull of several
 * queries in a repeatable-read transaction answers, for every cursor a device may hold, over a
 * store whose orders went through every command (parity-world.ts: substitutes, refusals at the
 * counter, arrivals, labels, re-routes, reservations elsewhere, returns, cancelled lines).
 */
const counter = new StatementCounter();
let t: TestApp;
let world: World;
const pickupCodes = new PickupCodeKeys('delta-query-test-secret-long-enough-0123456789');
const clientId = randomUUID();
let principal: Principal;

beforeAll(async () => {
  const database = await openTestDatabase({ onStatement: counter.onStatement });
  await seedTestData(database);
  t = await createTestApp({}, { database });
  world = await buildWorld(t, createRng(16));
  principal = {
    associateId: world.device.associate.id,
    storeId: 'MI01',
    role: 'associate',
    deviceId: 'parity-device',
    name: world.device.associate.name,
  };
}, 180_000);
afterAll(() => t?.close());

/** The answer as the wire carries it, with what is a set in any order sorted, and no clock. */
function comparable(answer: PullResponse) {
  const { serverTime: _time, ...rest } = JSON.parse(JSON.stringify(answer)) as PullResponse;
  return {
    ...rest,
    stock: [...rest.stock].sort((a, b) => a.productId.localeCompare(b.productId)),
    products: [...rest.products].sort((a, b) => a.id.localeCompare(b.id)),
    locations: [...rest.locations].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

async function both(from: number) {
  const db = t.database.db;
  const old = await pullChanges(db, principal, { cursor: `v2:${from}`, clientId }, pickupCodes);
  const { result, statements } = await counter.count(() =>
    pullDelta(db, principal, from, { clientId }, pickupCodes),
  );
  return { old, delta: result, statements: statements.length };
}

describe('a delta pull in one statement', () => {
  it(
    'answers what the transaction of several queries answers, from every cursor',
    { timeout: 240_000 },
    async () => {
      const rng = createRng(1606);
      const cursors = [0];
      let seq = 0;
      let applied = 0;
      /** One command through the device's stream, which the server must apply. */
      const run = async (name: string, args: Record<string, unknown>) => {
        const answer = await t.app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: bearer(world.device),
          payload: {
            clientId,
            mutations: [{ id: randomUUID(), seq: ++seq, name, v: definitionOf(name)!.v, args }],
          },
        });
        expect(answer.json<PushResponse>().results[0]).toMatchObject({ status: 'applied' });
      };
      /** A short line the customer is told was cancelled, and a unit refused at the counter. */
      const counterRefusalAndCancelledLine = async () => {
        const [first, second] = world.products.slice(-2);
        const placed = await t.placeOrder([
          { sku: first!.sku, qty: 1 },
          { sku: second!.sku, qty: 1 },
        ]);
        const orderId = placed.id;
        const lines = (await pullChanges(t.database.db, principal, {}, pickupCodes)).orders.find(
          (o) => o.id === orderId,
        )!.lines;
        const [shortLine, pickedLine] = lines;
        await run('order.claim', { orderId });
        await run('pick.short', { orderId, lineId: shortLine!.id, qty: 1, reason: 'not_found' });
        await run('order.cancelLine', { orderId, lineId: shortLine!.id });
        await run('pick.confirm', { orderId, code: pickedLine!.barcode, qty: 1 });
        await run('order.stage', { orderId, locationCode: 'MI01-A02', shareShelf: true });
        await run('order.refuseItems', {
          orderId,
          refusalId: randomUUID(),
          units: [{ lineId: pickedLine!.id, reason: 'changedMind', disposition: 'restock' }],
        });
      };
      const seen = { substitutes: 0, refused: 0, arrivals: 0, labels: 0, journeys: 0, notified: 0 };
      for (let round = 0; round < 31; round++) {
        const now = await pullChanges(t.database.db, principal, {}, pickupCodes);
        const ours = new Set(world.orders.map((o) => o.id));
        const replica = now.orders.filter((o) => ours.has(o.id));
        const mutations = Array.from({ length: 10 }, () => {
          const command = nextCommand(rng, world, replica);
          return {
            id: randomUUID(),
            seq: ++seq,
            name: command.name,
            v: definitionOf(command.name)!.v,
            args: command.args,
          };
        });
        const pushed = await t.app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: bearer(world.device),
          payload: { clientId, mutations },
        });
        expect(pushed.statusCode).toBe(200);
        applied += pushed.json<PushResponse>().results.filter((r) => r.status === 'applied').length;
        const after = await pullChanges(t.database.db, principal, { cursor: 'v2:0', clientId }, pickupCodes);
        cursors.push(Number(after.cursor.slice('v2:'.length)));

        // From the start and from the round before; from every cursor at the end.
        for (const from of round === 30 ? cursors : [0, cursors.at(-2)!]) {
          const { old, delta, statements } = await both(from);
          expect(statements).toBe(1);
          expect(delta && comparable(delta)).toEqual(comparable(old));
        }
        if (round === 29) await counterRefusalAndCancelledLine();
        if (round < 30) continue;
        for (const order of after.orders) {
          seen.substitutes += order.lines.filter((l) => l.substitute).length;
          seen.refused += order.lines.filter((l) => (l.qtyRefused ?? 0) > 0).length;
          seen.labels += order.shipment ? 1 : 0;
          seen.journeys += (order.journey ?? []).length;
          seen.notified += order.lines.filter((l) => l.customerNotified).length;
        }
        seen.arrivals += (after.customerArrivals ?? []).length;
      }
      console.log(`delta pulls compared after ${applied} commands applied, over ${JSON.stringify(seen)}`);
      expect(applied).toBeGreaterThan(40);
      for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
    },
  );

  it('leaves a cursor from the future to the snapshot, and refuses another device its stream', async () => {
    const now = await pullChanges(t.database.db, principal, {}, pickupCodes);
    const version = Number(now.cursor.slice('v2:'.length));
    expect(await pullDelta(t.database.db, principal, version + 5, { clientId }, pickupCodes)).toBeUndefined();
    await expect(
      pullDelta(t.database.db, { ...principal, deviceId: 'another-device' }, 0, { clientId }, pickupCodes),
    ).rejects.toMatchObject({ statusCode: 403 });
    const fresh = await pullDelta(t.database.db, principal, version, { clientId: randomUUID() }, pickupCodes);
    expect(fresh).toMatchObject({ cursor: now.cursor, orders: [], stock: [], lastProcessedSeq: 0 });
  });
});
