// A simulator process of `npm run bench:devices` (forked by devices-fleets.ts): runs a Fleet of
// its share of the stores and answers its parent's requests. Its latencies are sent back as
// samples, so the parent computes each p95 over every process's requests; its own event-loop
// delay and CPU go with them, because a latency timed on a saturated loop is the client's.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Fleet, type BenchStore, type FleetSettings } from './devices-fleet';

export type FleetRequest =
  | {
      type: 'init';
      baseURL: string;
      stores: BenchStore[];
      settings: FleetSettings;
      share: { index: number; count: number };
    }
  | { type: 'grow'; count: number; versions: Record<string, number> }
  | { type: 'mark' }
  | { type: 'collect' }
  | { type: 'probe'; ms: number }
  | { type: 'stop' };

/** What one process measured since the last mark. */
export interface FleetWindow {
  pulls: number[];
  pushes: number[];
  devices: number;
  errors: number;
  feedErrors: number;
  /** CPU seconds this process used (user + system) since the mark. */
  cpuSeconds: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

let fleet: Fleet | undefined;
let markedAt = performance.now();
let cpuAtMark = process.cpuUsage();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

async function answer(request: FleetRequest): Promise<unknown> {
  switch (request.type) {
    case 'init':
      fleet = new Fleet(request.baseURL, request.stores, request.settings, request.share);
      return null;
    case 'grow':
      await fleet!.grow(request.count, request.versions);
      return fleet!.devices.length;
    case 'mark':
      markedAt = performance.now();
      cpuAtMark = process.cpuUsage();
      loop.reset();
      return null;
    case 'collect': {
      const cpu = process.cpuUsage(cpuAtMark);
      const window: FleetWindow = {
        pulls: fleet!.sampler.since('pull', markedAt),
        pushes: fleet!.sampler.since('push', markedAt),
        devices: fleet!.devices.length,
        errors: fleet!.sampler.errors,
        feedErrors: fleet!.feedErrors,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        loopP99Ms: loop.count ? loop.percentile(99) / 1e6 : 0,
        loopMaxMs: loop.count ? loop.max / 1e6 : 0,
      };
      return window;
    }
    case 'probe':
      await fleet!.probe(request.ms);
      return null;
    case 'stop':
      fleet?.stop();
      loop.disable();
      setImmediate(() => process.disconnect());
      return null;
  }
}

process.on('message', (message: { id: number; request: FleetRequest }) => {
  void answer(message.request).then(
    (value) => process.send!({ id: message.id, value }),
    (error: unknown) => process.send!({ id: message.id, error: String(error) }),
  );
});
