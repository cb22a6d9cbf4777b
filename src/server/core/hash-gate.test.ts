import { describe, expect, it } from 'vitest';
import { HashGate } from './hash-gate';

const busy = () => new Error('busy');

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HashGate', () => {
  it('runs at most `limit` at once, the rest in arrival order', async () => {
    const gate = new HashGate(2, 10);
    const started: number[] = [];
    const holds = [deferred(), deferred(), deferred(), deferred()];
    const runs = holds.map((hold, i) =>
      gate.run(async () => {
        started.push(i);
        await hold.promise;
        return i;
      }, busy),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(2);
    holds[1]!.resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (const hold of holds) hold.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(gate.queued).toBe(0);
  });

  it('refuses at once past maxQueue waiting, and frees its slot when work fails', async () => {
    const gate = new HashGate(1, 1);
    const hold = deferred();
    const first = gate.run(() => hold.promise, busy);
    const second = gate.run(() => Promise.reject(new Error('scrypt failed')), busy);
    await expect(gate.run(() => Promise.resolve(), busy)).rejects.toThrow('busy');
    hold.resolve();
    await first;
    await expect(second).rejects.toThrow('scrypt failed');
    await expect(gate.run(() => Promise.resolve('free again'), busy)).resolves.toBe('free again');
  });
});
