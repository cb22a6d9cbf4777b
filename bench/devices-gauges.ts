// What `npm run bench:devices` reads beside the latencies, to say whose they are: the CPU of the
// API process and of PostgreSQL (from /proc), and the API's own view (GET /metrics): its
// event-loop delay, its pool's waiting requests and the server-side time of pulls and pushes.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/server/db/client';
import { rowsOf } from '../src/server/db/rows';

export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';

/** CPU seconds a process has used (user + system), from /proc; 0 once it has gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Every postgres process of the machine (the server's own and every database's backends). */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/**
 * PostgreSQL's CPU over a window, when it runs on this machine: the backends of the bench's
 * database (the API's pool and listener), and every postgres process (the WAL writer, the
 * checkpointer, and other databases' sessions: on a shared machine, other people's work).
 * A backend that ends within the window is not counted.
 */
export async function postgresCpu(handle: DatabaseHandle | undefined) {
  const benchPids = async () =>
    handle
      ? rowsOf<{ pid: number }>(
          await handle.db.execute(
            sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
          ),
        ).map((r) => Number(r.pid))
      : [];
  const from = new Map([...postgresPids()].map((pid) => [pid, cpuSeconds(pid)]));
  const startedAt = performance.now();
  return async () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const used = (pids: number[]) =>
      pids.reduce((sum, pid) => sum + Math.max(0, cpuSeconds(pid) - (from.get(pid) ?? 0)), 0) / seconds;
    const all = postgresPids();
    return { benchCores: used(await benchPids()), allCores: used(all), seen: all.length > 0 };
  };
}

/** One sample line's value, e.g. `aisle_event_loop_delay_seconds{quantile="0.99"}`; 0 when absent. */
function sampleOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The `le` bounds and cumulative counts of one histogram series (its other labels given). */
function bucketsOf(text: string, name: string, labels: string): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}_bucket{`) || !line.includes(labels)) continue;
    const le = /le="([^"]+)"/.exec(line)?.[1];
    if (!le) continue;
    buckets.set(le === '+Inf' ? Infinity : Number(le), Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return buckets;
}

/** The p95 in ms between two scrapes, interpolated within its bucket as Prometheus does. */
function histogramP95(before: string, after: string, labels: string): number {
  const name = 'aisle_http_request_duration_seconds';
  const from = bucketsOf(before, name, labels);
  const to = [...bucketsOf(after, name, labels)].sort(([a], [b]) => a - b);
  const total = (to.at(-1)?.[1] ?? 0) - (from.get(Infinity) ?? 0);
  if (total <= 0) return NaN;
  let lower = 0;
  let below = 0;
  for (const [le, count] of to) {
    const cumulative = count - (from.get(le) ?? 0);
    if (cumulative >= 0.95 * total) {
      if (le === Infinity) return Infinity;
      return (lower + ((0.95 * total - below) / Math.max(cumulative - below, 1)) * (le - lower)) * 1000;
    }
    lower = le;
    below = cumulative;
  }
  return NaN;
}

/** The API's /metrics at the start of a window; the returned function reads the window. */
export async function apiMetrics(baseURL: string) {
  const scrape = async () =>
    (
      await fetch(`${baseURL}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })
    ).text();
  // The event-loop gauge reads the window since the previous scrape: this one opens it.
  const before = await scrape();
  return async () => {
    const after = await scrape();
    return {
      loopP99Ms: sampleOf(after, 'aisle_event_loop_delay_seconds{quantile="0.99"}') * 1000,
      loopMaxMs: sampleOf(after, 'aisle_event_loop_delay_seconds{quantile="max"}') * 1000,
      poolWaiting: sampleOf(after, 'aisle_db_pool_connections{state="waiting"}'),
      pullP95Ms: histogramP95(before, after, 'route="/api/sync/pull",status="200"'),
      pushP95Ms: histogramP95(before, after, 'route="/api/sync/push",status="200"'),
    };
  };
}
