import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicWorker } from './periodic-worker';

afterEach(() => {
  vi.useRealTimers();
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PeriodicWorker', () => {
  it('runs at start and on every interval', async () => {
    vi.useFakeTimers();
    const job = vi.fn(async () => undefined);
    const worker = new PeriodicWorker(job, 1000, () => undefined);
    worker.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(job).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(job).toHaveBeenCalledTimes(4);
    await worker.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(job).toHaveBeenCalledTimes(4);
  });

  it('never overlaps runs: wakes during a run make one more run after it', async () => {
    const gate = deferred();
    let active = 0;
    let most = 0;
    let runs = 0;
    const worker = new PeriodicWorker(
      async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        if (runs === 1) await gate.promise;
        active--;
      },
      60_000,
      () => undefined,
    );
    worker.start();
    worker.wake();
    worker.wake();
    gate.resolve();
    await worker.stop();
    expect(most).toBe(1);
    expect(runs).toBeLessThanOrEqual(2);
  });

  it('reports a failing run and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const worker = new PeriodicWorker(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      60_000,
      (error) => errors.push(error),
    );
    worker.start();
    await new Promise((r) => setTimeout(r, 10));
    worker.wake();
    await new Promise((r) => setTimeout(r, 10));
    await worker.stop();
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('stop() waits for the run in flight', async () => {
    const gate = deferred();
    let finished = false;
    const worker = new PeriodicWorker(
      async () => {
        await gate.promise;
        finished = true;
      },
      60_000,
      () => undefined,
    );
    worker.start();
    const stopping = worker.stop();
    setTimeout(gate.resolve, 20);
    await stopping;
    expect(finished).toBe(true);
  });
});
