// The round-trip rows of `npm run bench:devices`: the same app in this process over the bench
// database, its statements counted (src/server/db/statement-counter.ts). On PostgreSQL every
// statement is one round trip, begin and commit included.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Session } from '../src/contract/auth';
import type { IntakeResult } from '../src/contract/orders';
import type { PullResponse, PushResponse } from '../src/contract/sync';
import { buildApp } from '../src/server/app';
import type { DatabaseHandle } from '../src/server/db/client';
import type { StatementCounter } from '../src/server/db/statement-counter';
import { BENCH_INTAKE_KEY } from './devices-sim';

export const BENCH_JWT_SECRET = 'bench-devices-secret-that-is-long-enough-0123456789';

export interface RoundTrips {
  pullIdle: number;
  pullOneChange: number;
  /** The same change pulled by another device of the store on the same instance. */
  pullOneChangeShared: number;
  pushPerCommand: number;
  pushOneCommand: number;
  commandsInBatch: number;
}

export async function measureRoundTrips(
  database: DatabaseHandle,
  counter: StatementCounter,
  store: { storeId: string; employeeId: string; skus: readonly string[]; location: string },
): Promise<RoundTrips> {
  const app = await buildApp({
    database,
    logger: false,
    settings: {
      LOG_LEVEL: 'silent',
      INTAKE_API_KEY: BENCH_INTAKE_KEY,
      JWT_SECRET: BENCH_JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
    },
  });
  await app.ready();
  try {
    return await measure(app, counter, store);
  } finally {
    await app.close();
  }
}

async function measure(
  app: FastifyInstance,
  counter: StatementCounter,
  store: { storeId: string; employeeId: string; skus: readonly string[]; location: string },
): Promise<RoundTrips> {
  const signedIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: {
      storeId: store.storeId,
      employeeId: store.employeeId,
      pin: '1234',
      deviceId: 'bench-roundtrips',
    },
  });
  const session = signedIn.json<Session>();
  const headers = { authorization: `Bearer ${session.accessToken}` };
  const clientId = randomUUID();
  const otherSignIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: {
      storeId: store.storeId,
      employeeId: store.employeeId,
      pin: '1234',
      deviceId: 'bench-roundtrips-2',
    },
  });
  const otherHeaders = { authorization: `Bearer ${otherSignIn.json<Session>().accessToken}` };
  const pull = async (from?: PullResponse, as = { headers, clientId }) => {
    const query = new URLSearchParams({ clientId: as.clientId });
    if (from) query.set('cursor', from.cursor);
    if (from) query.set('seq', String(from.lastProcessedSeq));
    const { result, statements } = await counter.count(() =>
      app.inject({ url: `/api/sync/pull?${query.toString()}`, headers: as.headers }),
    );
    return { body: result.json<PullResponse>(), statements: statements.length };
  };
  const pullUntil = async (from: PullResponse, done: (pull: PullResponse) => boolean) => {
    for (let tries = 0; tries < 100; tries++) {
      const next = await pull(from);
      if (done(next.body)) return next;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the change never showed in a pull');
  };
  const intake = async () => {
    const id = randomUUID().slice(0, 12);
    const response = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'x-api-key': BENCH_INTAKE_KEY },
      payload: {
        externalId: `rt-${id}`,
        number: `RT${id.toUpperCase()}`,
        channel: 'web',
        storeId: store.storeId,
        fulfillmentType: 'pickup',
        promisedAt: new Date(Date.now() + 3_600_000).toISOString(),
        customer: { name: 'Bench', email: 'bench@example.it', phone: '+393331234567', language: 'it' },
        pickupCode: '482913',
        lines: [
          { sku: store.skus[Math.floor(Math.random() * store.skus.length)]!, qty: 1, unitPriceCents: 1990 },
        ],
      },
    });
    if (response.statusCode !== 201) throw new Error(`intake ${response.statusCode}: ${response.body}`);
    return response.json<IntakeResult>();
  };

  // Idle: the device is at the store's version (one pull at the cursor warms session and version).
  const first = (await pull()).body;
  const warm = (await pull(first)).body;
  const idle = await pull(warm);
  const other = { headers: otherHeaders, clientId: randomUUID() };
  await pull(idle.body, other); // its session is checked once

  // One change: an order lands; the first pull that brings it is counted, then another device's.
  const one = await intake();
  const changed = await pullUntil(idle.body, (p) => p.orders.some((o) => o.id === one.id));
  const shared = await pull({ ...idle.body, lastProcessedSeq: 0 }, other);

  // Pushes: a batch of whole orders' work (claim, pick, stage, hand over), then one command alone.
  let seq = 0;
  const push = async (mutations: { name: string; args: Record<string, unknown> }[]) => {
    const payload = {
      clientId,
      mutations: mutations.map((m) => ({ id: randomUUID(), seq: ++seq, v: 1, ...m })),
    };
    const { result, statements } = await counter.count(() =>
      app.inject({ method: 'POST', url: '/api/sync/push', headers, payload }),
    );
    const body = result.json<PushResponse>();
    const applied = body.results?.filter((r) => r.status === 'applied').length ?? 0;
    if (applied !== mutations.length)
      throw new Error(`push: ${applied} of ${mutations.length} applied: ${result.body}`);
    return statements.length;
  };
  const placed = [await intake(), await intake(), await intake()];
  const seen = await pullUntil(changed.body, (p) => placed.every((o) => p.orders.some((x) => x.id === o.id)));
  const batch = placed.flatMap((o) => {
    const order = seen.body.orders.find((x) => x.id === o.id)!;
    return [
      { name: 'order.claim', args: { orderId: o.id } },
      ...order.lines.map((l) => ({
        name: 'pick.confirm',
        args: { orderId: o.id, code: l.barcode, qty: l.qtyOrdered },
      })),
      { name: 'order.stage', args: { orderId: o.id, locationCode: store.location } },
      { name: 'order.handover', args: { orderId: o.id, code: o.pickupCode } },
    ];
  });
  const batchStatements = await push(batch);
  // A later push of the same stream (a device's first push also stores its stream).
  const pushOneCommand = await push([{ name: 'order.claim', args: { orderId: one.id } }]);
  return {
    pullIdle: idle.statements,
    pullOneChange: changed.statements,
    pullOneChangeShared: shared.statements,
    pushPerCommand: batchStatements / batch.length,
    pushOneCommand,
    commandsInBatch: batch.length,
  };
}
