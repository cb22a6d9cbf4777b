// The handhelds of `npm run bench:devices`, over real HTTP: each holds the poke stream, pulls on
// every poke and on its own timer, and one device per store does the store's work (claim, pick,
// stage, hand over) as orders arrive from the feeder, through the intake API.
import { randomUUID } from 'node:crypto';
import type { Session } from '../src/contract/auth';
import type { IntakeResult } from '../src/contract/orders';
import type { PullResponse, PushResponse } from '../src/contract/sync';

export const BENCH_INTAKE_KEY = 'bench-intake-key-0000';

/** Request latencies by kind, since a mark. */
export class Sampler {
  private readonly samples = { pull: [] as Sample[], push: [] as Sample[] };
  errors = 0;

  add(kind: 'pull' | 'push', ms: number): void {
    this.samples[kind].push({ at: performance.now(), ms });
  }

  since(kind: 'pull' | 'push', from: number, to = performance.now()): number[] {
    return this.samples[kind].filter((s) => s.at >= from && s.at <= to).map((s) => s.ms);
  }
}

interface Sample {
  at: number;
  ms: number;
}

interface StoreOrder {
  id: string;
  status: string;
  lines: { barcode: string; qtyOrdered: number }[];
}

/** What the store's devices learnt from their pulls, shared: the worker picks its next order here. */
export class StoreView {
  readonly orders = new Map<string, StoreOrder>();
  locations: string[] = [];
  busy = false;

  land(pull: PullResponse): void {
    if (pull.reset) this.orders.clear();
    for (const order of pull.orders) {
      this.orders.set(order.id, {
        id: order.id,
        status: order.status,
        lines: order.lines.map((l) => ({ barcode: l.barcode, qtyOrdered: l.qtyOrdered })),
      });
    }
    if (pull.locations.length) this.locations = pull.locations.map((l) => l.code);
  }
}

export async function signIn(
  baseURL: string,
  who: { storeId: string; employeeId: string; deviceId: string },
): Promise<{ status: number; session?: Session }> {
  const response = await fetch(`${baseURL}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...who, pin: '1234' }),
  });
  const body = (await response.json()) as Session;
  return response.ok ? { status: response.status, session: body } : { status: response.status };
}

export class Device {
  private cursor: string;
  private seq = 0;
  private nextSeq = 0;
  private readonly clientId = randomUUID();
  private pulling: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly stream = new AbortController();
  stopped = false;

  constructor(
    private readonly baseURL: string,
    private readonly session: Session,
    readonly view: StoreView,
    private readonly sampler: Sampler,
    start: PullResponse,
  ) {
    this.cursor = start.cursor;
  }

  private get headers() {
    return { authorization: `Bearer ${this.session.accessToken}` };
  }

  /** Opens the poke stream and the timer (first tick at a random point of the period). */
  start(pullEveryMs: number): void {
    void this.listen();
    const tick = () => {
      void this.pull();
      this.timer = setTimeout(tick, pullEveryMs);
    };
    this.timer = setTimeout(tick, Math.random() * pullEveryMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stream.abort();
  }

  private async listen(): Promise<void> {
    while (!this.stopped) {
      try {
        const response = await fetch(`${this.baseURL}/api/sync/events`, {
          headers: this.headers,
          signal: this.stream.signal,
        });
        if (!response.body) throw new Error('no stream');
        const decoder = new TextDecoder();
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (decoder.decode(value, { stream: true }).includes('event: poke')) void this.pull();
        }
      } catch {
        if (this.stopped) return;
      }
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }

  /** One pull at a time; a poke during a pull pulls once more after it, as the app does. */
  pull(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = this.pullOnce().finally(() => {
      this.pulling = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.pull();
      }
    });
    return this.pulling;
  }

  private async pullOnce(): Promise<void> {
    const query = new URLSearchParams({
      clientId: this.clientId,
      cursor: this.cursor,
      seq: String(this.seq),
    });
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseURL}/api/sync/pull?${query.toString()}`, {
        headers: this.headers,
      });
      const body = (await response.json()) as PullResponse;
      if (!response.ok) throw new Error(`pull ${response.status}`);
      this.sampler.add('pull', performance.now() - started);
      this.cursor = body.cursor;
      this.seq = body.lastProcessedSeq;
      this.view.land(body);
    } catch {
      if (!this.stopped) this.sampler.errors += 1;
    }
  }

  /** Pushes one command, as the app does when the associate acts while online. */
  async push(name: string, args: Record<string, unknown>): Promise<PushResponse | undefined> {
    const mutation = { id: randomUUID(), seq: ++this.nextSeq, name, v: 1, args };
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseURL}/api/sync/push`, {
        method: 'POST',
        headers: { ...this.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: this.clientId, mutations: [mutation] }),
      });
      const body = (await response.json()) as PushResponse;
      if (!response.ok) throw new Error(`push ${response.status}`);
      this.sampler.add('push', performance.now() - started);
      return body;
    } catch {
      this.sampler.errors += 1;
      return undefined;
    }
  }
}

/**
 * One store's associate at work: takes the oldest new order the replica shows, claims, picks
 * every line, stages and hands it over, a few seconds apart, each step its own push.
 */
export async function workOneOrder(
  device: Device,
  pickupCodes: Map<string, string>,
  pauseMs: number,
): Promise<boolean> {
  const { view } = device;
  const order = [...view.orders.values()].find((o) => o.status === 'new' && pickupCodes.has(o.id));
  if (!order || view.busy || !view.locations.length) return false;
  view.busy = true;
  try {
    const pause = () => new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random())));
    const steps: [string, Record<string, unknown>][] = [
      ['order.claim', { orderId: order.id }],
      ...order.lines.map((l): [string, Record<string, unknown>] => [
        'pick.confirm',
        { orderId: order.id, code: l.barcode, qty: l.qtyOrdered },
      ]),
      ['order.stage', { orderId: order.id, locationCode: view.locations[0] }],
      ['order.handover', { orderId: order.id, code: pickupCodes.get(order.id) }],
    ];
    for (const [name, args] of steps) {
      if (device.stopped) return false;
      await device.push(name, args);
      await pause();
    }
    order.status = 'done';
    pickupCodes.delete(order.id);
    return true;
  } finally {
    view.busy = false;
  }
}

/** Places one pickup order of one or two stocked products through the intake API. */
export async function feedOrder(
  baseURL: string,
  storeId: string,
  skus: readonly string[],
  pickupCodes: Map<string, string>,
): Promise<void> {
  const id = randomUUID().slice(0, 12);
  const pickupCode = String(100_000 + Math.floor(Math.random() * 900_000));
  const count = 1 + Math.floor(Math.random() * 2);
  const chosen = new Set(Array.from({ length: count }, () => skus[Math.floor(Math.random() * skus.length)]!));
  const response = await fetch(`${baseURL}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': BENCH_INTAKE_KEY },
    body: JSON.stringify({
      externalId: `bench-${id}`,
      number: `B${id.toUpperCase()}`,
      channel: 'web',
      storeId,
      fulfillmentType: 'pickup',
      promisedAt: new Date(Date.now() + 3_600_000).toISOString(),
      customer: { name: 'Bench Customer', email: 'bench@example.it', phone: '+393331234567', language: 'it' },
      pickupCode,
      lines: [...chosen].map((sku) => ({ sku, qty: 1, unitPriceCents: 1990 })),
    }),
  });
  if (response.status !== 201) throw new Error(`intake ${response.status}: ${await response.text()}`);
  const result = (await response.json()) as IntakeResult;
  pickupCodes.set(result.id, result.pickupCode);
}
