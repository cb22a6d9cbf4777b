// The simulated handhelds of `npm run bench:devices`, spread over --sim-processes child
// processes (devices-fleet-child.ts), each running the devices of every Nth store. One Node
// process timing thousands of devices' streams, timers and requests measures its own queue as
// much as the API's latency; several share the work, and the p95s are taken over all their
// samples together.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchStore, FleetSettings } from './devices-fleet';
import type { FleetRequest, FleetWindow } from './devices-fleet-child';

const childEntry = join(dirname(fileURLToPath(import.meta.url)), 'devices-fleet-child.ts');

/** What every simulator process measured over one window, together. */
export interface FleetsWindow {
  pulls: number[];
  pushes: number[];
  devices: number;
  errors: number;
  feedErrors: number;
  /** Cores all simulator processes used together, and the busiest one's. */
  cores: number;
  busiestCores: number;
  /** The worst event-loop delay of any simulator process (p99 and max), ms. */
  loopP99Ms: number;
  loopMaxMs: number;
}

class FleetProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const pending = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.value);
    });
    child.on('exit', (code) => {
      for (const pending of this.waiting.values()) pending.reject(new Error(`a simulator exited (${code})`));
      this.waiting.clear();
    });
  }

  ask<T>(request: FleetRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, request });
    });
  }
}

export class Fleets {
  private readonly processes: FleetProcess[];
  private markedAt = performance.now();

  private constructor(processes: FleetProcess[]) {
    this.processes = processes;
  }

  static async start(
    baseURL: string,
    stores: BenchStore[],
    settings: FleetSettings,
    count: number,
  ): Promise<Fleets> {
    const processes = Array.from(
      { length: count },
      // The parent runs under tsx; its loader flags (process.execArgv) are inherited.
      () => new FleetProcess(fork(childEntry, [], { stdio: 'inherit' })),
    );
    await Promise.all(
      processes.map((p, index) =>
        p.ask({ type: 'init', baseURL, stores, settings, share: { index, count } }),
      ),
    );
    return new Fleets(processes);
  }

  get pids(): number[] {
    return this.processes.map((p) => p.child.pid!);
  }

  /**
   * Grows the whole ramp to `count` devices, every process adding its stores' share, each new
   * device synced at its store's version in `versions` (when given).
   */
  async grow(count: number, versions: Record<string, number> = {}): Promise<void> {
    await Promise.all(this.processes.map((p) => p.ask({ type: 'grow', count, versions })));
  }

  /** Starts a measuring window in every process. */
  async mark(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.ask({ type: 'mark' })));
    this.markedAt = performance.now();
  }

  /** What every process measured since the mark. */
  async collect(): Promise<FleetsWindow> {
    const windows = await Promise.all(this.processes.map((p) => p.ask<FleetWindow>({ type: 'collect' })));
    const seconds = (performance.now() - this.markedAt) / 1000;
    const cores = windows.map((w) => w.cpuSeconds / seconds);
    return {
      pulls: windows.flatMap((w) => w.pulls),
      pushes: windows.flatMap((w) => w.pushes),
      devices: windows.reduce((n, w) => n + w.devices, 0),
      errors: windows.reduce((n, w) => n + w.errors, 0),
      feedErrors: windows.reduce((n, w) => n + w.feedErrors, 0),
      cores: cores.reduce((a, b) => a + b, 0),
      busiestCores: Math.max(...cores),
      loopP99Ms: Math.max(...windows.map((w) => w.loopP99Ms)),
      loopMaxMs: Math.max(...windows.map((w) => w.loopMaxMs)),
    };
  }

  /** The sign-in storm's probe: the first store's first device pulls every 50 ms for `ms`. */
  async probe(ms: number): Promise<void> {
    await this.processes[0]!.ask({ type: 'probe', ms });
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(async ({ child }) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.send({ id: -1, request: { type: 'stop' } });
        const timer = setTimeout(() => child.kill('SIGTERM'), 3_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
