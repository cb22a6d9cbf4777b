// One simulator process's handhelds in `npm run bench:devices`: the devices of its share of the
// stores, with their feeders and workers. Everything a device does involves only its own store
// (its session, its replica view, its orders' pickup codes), so splitting the stores between
// processes changes nothing a device does, only which process's event loop times it.
import type { Session } from '../src/contract/auth';
import type { PullResponse } from '../src/contract/sync';
import { Device, feedOrder, Sampler, signIn, StoreView, workOneOrder } from './devices-sim';

export const LOCATION = 'BENCH-LOCKER';

export interface BenchStore {
  storeId: string;
  employees: string[];
  skus: string[];
  version: number;
}

export interface FleetSettings {
  pullEverySeconds: number;
  feedEverySeconds: number;
  signInEach: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Fleet {
  readonly devices: Device[] = [];
  readonly sampler = new Sampler();
  private readonly views = new Map<string, StoreView>();
  private readonly sessions = new Map<string, Session>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly fed = new Set<string>();
  readonly pickupCodes = new Map<string, string>();
  feedErrors = 0;
  /** Devices of the whole ramp (every process's) placed so far. */
  private placed = 0;

  /**
   * `stores` is the whole chain, in the order every process sees it; this process runs the
   * devices of the stores whose position is `share.index` modulo `share.count`.
   */
  constructor(
    private readonly baseURL: string,
    private readonly stores: readonly BenchStore[],
    private readonly settings: FleetSettings,
    private readonly share = { index: 0, count: 1 },
  ) {}

  private async sessionFor(store: BenchStore, index: number): Promise<Session> {
    const employeeId = store.employees[index % store.employees.length]!;
    const key = this.settings.signInEach ? `${store.storeId}:${index}` : `${store.storeId}:${employeeId}`;
    const known = this.sessions.get(key);
    if (known) return known;
    for (;;) {
      const answer = await signIn(this.baseURL, {
        storeId: store.storeId,
        employeeId,
        deviceId: `bench-${key}`,
      });
      if (answer.session) {
        this.sessions.set(key, answer.session);
        return answer.session;
      }
      await sleep(answer.status === 503 ? 2_000 : 500);
    }
  }

  /**
   * Adds devices round-robin over the chain's stores until the whole ramp has `count` (the
   * devices of other processes' stores are theirs to add), a few at a time.
   */
  async grow(count: number, versions: Record<string, number> = {}): Promise<void> {
    // Devices join synced at the store's version now (a real one joins after its first sync),
    // not at the version read before the ramp began: that would make every later step's new
    // devices pull minutes of changes at once.
    for (const store of this.stores) store.version = versions[store.storeId] ?? store.version;
    const adding: Promise<void>[] = [];
    for (; this.placed < count; this.placed++) {
      const at = this.placed % this.stores.length;
      if (at % this.share.count !== this.share.index) continue;
      const index = Math.floor(this.placed / this.stores.length);
      adding.push(this.add(this.stores[at]!, index));
      if (adding.length >= 8) await Promise.all(adding.splice(0));
    }
    await Promise.all(adding);
  }

  private async add(store: BenchStore, index: number): Promise<void> {
    const session = await this.sessionFor(store, index);
    let view = this.views.get(store.storeId);
    if (!view) {
      view = new StoreView();
      view.locations = [LOCATION];
      this.views.set(store.storeId, view);
    }
    const start = { cursor: `v2:${store.version}`, lastProcessedSeq: 0 } as PullResponse;
    const device = new Device(this.baseURL, session, view, this.sampler, start);
    this.devices.push(device);
    device.start(this.settings.pullEverySeconds * 1000);
    if (index === 0) this.startStore(store, device);
  }

  /** The feeder and the worker of one store, from its first device on. */
  private startStore(store: BenchStore, worker: Device): void {
    if (this.fed.has(store.storeId)) return;
    this.fed.add(store.storeId);
    const feedMs = this.settings.feedEverySeconds * 1000;
    const feed = () =>
      void feedOrder(this.baseURL, store.storeId, store.skus, this.pickupCodes).catch(
        () => (this.feedErrors += 1),
      );
    this.timers.push(
      setTimeout(() => {
        feed();
        this.timers.push(setInterval(feed, feedMs));
      }, Math.random() * feedMs),
    );
    this.timers.push(
      setInterval(() => void workOneOrder(worker, this.pickupCodes, 2_000), 3_000 + Math.random() * 1_000),
    );
  }

  /** The first store's first device pulls every 50 ms until `ms` from now (the sign-in storm's probe). */
  async probe(ms: number): Promise<void> {
    const prober = this.devices[0];
    if (!prober) return;
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await prober.pull();
      await sleep(50);
    }
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const device of this.devices) device.stop();
  }
}
