import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/client';
import { rowsOf } from '../db/rows';

/** What the event streams report to /metrics (PokeHub). */
export interface StreamCounts {
  open(): number;
  readonly pokesSent: number;
}

export interface ServerMetrics {
  registry: Registry;
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  commands: Counter<'status'>;
  pulls: Counter<'reset'>;
  /** Stops what the metrics watch on their own (the event loop's timer). */
  close(): void;
}

/**
 * The server's Prometheus metrics, in a registry of its own per app (tests build many apps in
 * one process). Counters count from this process's start; under WORKERS the primary sums the
 * workers' registries (cluster.ts), except the outbox depth, which every worker reads from the
 * same tables and so is reported once (max).
 */
export function createServerMetrics(database: DatabaseHandle, streams: StreamCounts): ServerMetrics {
  const registry = new Registry();
  const requestSeconds = new Histogram({
    name: 'aisle_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status (event streams excluded)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const commands = new Counter({
    name: 'aisle_sync_push_commands_total',
    help: 'Commands devices pushed, by outcome: applied, duplicate (seen before) or rejected (refused)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const pulls = new Counter({
    name: 'aisle_sync_pulls_total',
    help: 'Pulls answered; reset="true" when the device was sent its whole store again',
    labelNames: ['reset'] as const,
    registers: [registry],
  });
  new Counter({
    name: 'aisle_sync_pokes_sent_total',
    help: 'Pokes written to open event streams (one per stream per store change heard)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(streams.pokesSent);
    },
  });
  new Gauge({
    name: 'aisle_sync_event_streams_open',
    help: 'Event streams (GET /api/sync/events) open on this process',
    registers: [registry],
    collect() {
      this.set(streams.open());
    },
  });
  new Gauge({
    name: 'aisle_outbox_depth',
    help: 'Customer messages and webhook events waiting to go (neither sent nor given up)',
    labelNames: ['outbox'] as const,
    aggregator: 'max',
    registers: [registry],
    async collect() {
      const [row] = rowsOf<{ notifications: string | number; webhooks: string | number }>(
        await database.db.execute(sql`select
          (select count(*) from customer_notifications where sent_at is null and failed_at is null) as notifications,
          (select count(*) from webhook_deliveries where delivered_at is null and failed_at is null) as webhooks`),
      );
      this.set({ outbox: 'notifications' }, Number(row?.notifications ?? 0));
      this.set({ outbox: 'webhooks' }, Number(row?.webhooks ?? 0));
    },
  });
  new Gauge({
    name: 'aisle_db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one (absent on PGlite)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const use = database.poolUse();
      if (!use) return;
      this.set({ state: 'total' }, use.total);
      this.set({ state: 'idle' }, use.idle);
      this.set({ state: 'waiting' }, use.waiting);
      this.set({ state: 'max' }, use.max);
    },
  });
  // How late the event loop ran, between scrapes: requests wait this long for the process before
  // any of their work starts, so a p99 of tens of ms with the database idle says the process is
  // the bottleneck (more WORKERS), not PostgreSQL. Like prom-client's default lag metric, each
  // scrape reads the window since the previous one.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  new Gauge({
    name: 'aisle_event_loop_delay_seconds',
    help: 'How late the event loop ran since the previous scrape: p50, p99 and max',
    labelNames: ['quantile'] as const,
    aggregator: 'max',
    registers: [registry],
    collect() {
      if (loopDelay.count === 0) return;
      this.set({ quantile: '0.5' }, loopDelay.percentile(50) / 1e9);
      this.set({ quantile: '0.99' }, loopDelay.percentile(99) / 1e9);
      this.set({ quantile: 'max' }, loopDelay.max / 1e9);
      loopDelay.reset();
    },
  });
  return { registry, requestSeconds, commands, pulls, close: () => loopDelay.disable() };
}
