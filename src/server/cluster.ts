import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Logger } from 'pino';

/** Set in the environment of the one worker that runs the background jobs and the timers. */
const LEAD_ENV = 'AISLE_LEAD_WORKER';
const METRICS_REQUEST = 'aisle:metrics';
/** A worker that dies is replaced after this long, so one that cannot start does not spin. */
const REFORK_MS = 1_000;
/** Workers drain for up to 10 s themselves (main.ts); this is the primary's last word. */
const DRAIN_MS = 15_000;

export const isClusterWorker = () => cluster.isWorker;
export const isLeadWorker = () => !cluster.isWorker || process.env[LEAD_ENV] === '1';

/**
 * The primary of WORKERS processes on one port (node:cluster hands connections round-robin).
 * It has migrated and seeded already, and serves nothing itself: it forks the workers, forks
 * again for any that dies unasked, sums their metrics for whichever worker is scraped, and on
 * SIGTERM or SIGINT asks them all to drain and exits once they have.
 */
export function runPrimary(workers: number, log: Logger, onAllListening: () => void): void {
  const aggregator = new AggregatorRegistry();
  const leads = new Map<Worker, boolean>();
  let stopping = false;
  let listening = 0;

  const fork = (lead: boolean) => {
    const worker = cluster.fork(lead ? { [LEAD_ENV]: '1' } : {});
    leads.set(worker, lead);
    worker.on('message', (message: { type?: string; id?: number }) => {
      if (message.type !== METRICS_REQUEST) return;
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_REQUEST, id: message.id, text }),
        (error: unknown) => worker.send({ type: METRICS_REQUEST, id: message.id, error: String(error) }),
      );
    });
  };
  cluster.on('listening', () => {
    listening += 1;
    if (listening === workers) onAllListening();
  });
  cluster.on('exit', (worker, code, signal) => {
    const lead = leads.get(worker) ?? false;
    leads.delete(worker);
    if (stopping) {
      if (leads.size === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal, lead }, 'a worker died: starting another');
    setTimeout(() => fork(lead), REFORK_MS).unref();
  });
  for (let i = 0; i < workers; i += 1) fork(i === 0);

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: leads.size }, 'shutting down: draining the workers');
    if (leads.size === 0) process.exit(0);
    for (const worker of leads.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), DRAIN_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * In a worker, GET /metrics serves the sum over every worker: it asks the primary, which asks
 * them all (prom-client's AggregatorRegistry), this one included. Elsewhere, the local registry.
 */
export function metricsExpositionFor(local: Registry) {
  if (!cluster.isWorker) return undefined;
  AggregatorRegistry.setRegistries([local]);
  // Its constructor makes this worker answer the primary's requests for its registry.
  new AggregatorRegistry();
  let next = 0;
  const waiting = new Map<number, (answer: { text?: string; error?: string }) => void>();
  process.on('message', (message: { type?: string; id?: number; text?: string; error?: string }) => {
    if (message.type !== METRICS_REQUEST || message.id === undefined) return;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return async () => {
    const id = next++;
    const answer = await new Promise<{ text?: string; error?: string }>((resolve) => {
      waiting.set(id, resolve);
      process.send?.({ type: METRICS_REQUEST, id });
    });
    if (answer.text === undefined) throw new Error(`the workers' metrics: ${answer.error ?? 'no answer'}`);
    return { text: answer.text, contentType: AggregatorRegistry.PROMETHEUS_CONTENT_TYPE };
  };
}
