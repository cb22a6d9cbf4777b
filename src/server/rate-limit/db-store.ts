import { and, eq, gt, like, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';
import { rateLimits } from '../db/schema';

/**
 * What a limiter's child store is told besides @fastify/rate-limit's own options: a growing
 * delay instead of a fixed window. The window (timeWindow) is then the first delay, which
 * doubles with every further counted failure up to maxDelayMs; the count is forgotten after
 * memoryMs without a failure.
 */
export interface BackoffOptions {
  backoff?: { maxDelayMs: number; memoryMs: number } | undefined;
}

export interface StoreResult {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, result?: StoreResult) => void;

const at = (ms: number) => new Date(ms).toISOString();

/**
 * The time a call counts at, by full key, when its caller names one (a test moving the clock
 * through windows); set by limiter.ts around the one call. Otherwise now.
 */
export const callClock = new Map<string, number>();
const nowFor = (key: string) => callClock.get(key) ?? Date.now();

/**
 * A @fastify/rate-limit store on the rate_limits table, so every API instance over one
 * database shares the counts (the plugin's own stores are in memory, or Redis). Two kinds of
 * key: a fixed window (hits per timeWindow), and a growing delay (ADR 0025).
 */
export function databaseStore(db: Executor) {
  return class DatabaseRateLimitStore {
    private readonly backoff: BackoffOptions['backoff'];

    constructor(options: object) {
      this.backoff = (options as BackoffOptions).backoff;
    }

    /** The plugin passes a limiter's merged options, ours (BackoffOptions) among them. */
    child(routeOptions: object) {
      return new DatabaseRateLimitStore(routeOptions);
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      incrementCounter(db, key, timeWindow, max, this.backoff, nowFor(key)).then(
        (result) => cb(null, result),
        (error: unknown) => cb(error instanceof Error ? error : new Error(String(error))),
      );
    }

    read(key: string, cb: Callback, timeWindow: number, max: number): void {
      peekCounter(db, key, max, this.backoff, nowFor(key)).then(
        (result) => cb(null, result),
        (error: unknown) => cb(error instanceof Error ? error : new Error(String(error))),
      );
    }
  };
}

/** Counts one hit under `key` (see databaseStore); any executor, a transaction's too. */
export async function incrementCounter(
  db: Executor,
  key: string,
  windowMs: number,
  max: number,
  backoffOptions: BackoffOptions['backoff'],
  now: number,
): Promise<StoreResult> {
  const nowAt = at(now);
  if (Math.random() < 0.01) await forgetOldCounters(db, now);
  if (!backoffOptions) {
    const result = await db.execute(sql`
      insert into rate_limits as r (key, hits, window_ends_at)
      values (${key}, 1, ${at(now + windowMs)}::timestamptz)
      on conflict (key) do update set
        hits = case when r.window_ends_at <= ${nowAt}::timestamptz then 1 else r.hits + 1 end,
        window_ends_at = case when r.window_ends_at <= ${nowAt}::timestamptz
          then ${at(now + windowMs)}::timestamptz else r.window_ends_at end,
        blocked_until = null
      returning hits, window_ends_at`);
    const [row] = rowsOf<{ hits: number | string; window_ends_at: string | Date }>(result);
    return {
      current: Number(row?.hits ?? 1),
      ttl: Math.max(0, new Date(row?.window_ends_at ?? now).getTime() - now),
    };
  }
  const { maxDelayMs, memoryMs } = backoffOptions;
  // hits after this failure; past max each one doubles the delay (the exponent is capped so
  // power() cannot overflow; least() caps the delay anyway).
  const hits = sql`(case when r.window_ends_at <= ${nowAt}::timestamptz then 1 else r.hits + 1 end)`;
  const result = await db.execute(sql`
    insert into rate_limits as r (key, hits, window_ends_at, blocked_until)
    values (${key}, 1, ${at(now + memoryMs)}::timestamptz,
      ${1 > max ? at(now + Math.min(windowMs, maxDelayMs)) : null}::timestamptz)
    on conflict (key) do update set
      hits = ${hits},
      window_ends_at = ${at(now + memoryMs)}::timestamptz,
      blocked_until = case when ${hits} > ${max}
        then ${nowAt}::timestamptz + least(${maxDelayMs}::float8,
          ${windowMs}::float8 * power(2::float8, least(${hits} - ${max} - 1, 40))) * interval '1 millisecond'
        else null end
    returning hits, blocked_until`);
  const [row] = rowsOf<{ hits: number | string; blocked_until: string | Date | null }>(result);
  const blockedUntil = row?.blocked_until ? new Date(row.blocked_until).getTime() : 0;
  return { current: Number(row?.hits ?? 1), ttl: Math.max(0, blockedUntil - now) };
}

/** Where `key` stands, counting nothing. */
export async function peekCounter(
  db: Executor,
  key: string,
  max: number,
  backoffOptions: BackoffOptions['backoff'],
  now: number,
): Promise<StoreResult> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  return standing(row, max, backoffOptions, now);
}

/** Where each of the keys stands, counting nothing, in one statement. */
export async function peekCounters(
  db: Executor,
  keys: readonly string[],
  max: number,
  backoffOptions: BackoffOptions['backoff'],
  now: number,
): Promise<Map<string, StoreResult>> {
  const unique = [...new Set(keys)];
  const rows =
    unique.length > 0
      ? await db
          .select()
          .from(rateLimits)
          // One JSON parameter, so one text for any number of keys, sent by name (ADR 0048).
          .where(
            sql`${rateLimits.key} in (select value from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb))`,
          )
          .prepare('aisle_rate_limit_peek')
          .execute()
      : [];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return new Map(unique.map((key) => [key, standing(byKey.get(key), max, backoffOptions, now)]));
}

function standing(
  row: typeof rateLimits.$inferSelect | undefined,
  max: number,
  backoffOptions: BackoffOptions['backoff'],
  now: number,
): StoreResult {
  if (!row || new Date(row.windowEndsAt).getTime() <= now) return { current: 0, ttl: 0 };
  if (!backoffOptions) {
    return { current: row.hits, ttl: new Date(row.windowEndsAt).getTime() - now };
  }
  const blockedUntil = row.blockedUntil ? new Date(row.blockedUntil).getTime() : 0;
  if (blockedUntil > now) return { current: row.hits, ttl: blockedUntil - now };
  // The delay is over: one more try is allowed, and another failure doubles the delay.
  return { current: Math.min(row.hits, max), ttl: 0 };
}

/** Drops counters whose window and delay ended a day ago. */
async function forgetOldCounters(db: Executor, now: number): Promise<void> {
  const dayAgo = at(now - 86_400_000);
  await db
    .delete(rateLimits)
    .where(
      and(
        lte(rateLimits.windowEndsAt, dayAgo),
        or(sql`${rateLimits.blockedUntil} is null`, lte(rateLimits.blockedUntil, dayAgo)),
      ),
    );
}

/** Forgets the counts of these keys, and of every key starting with one of the prefixes. */
export async function forgetCounters(
  db: Executor,
  { keys = [], prefixes = [] }: { keys?: readonly string[]; prefixes?: readonly string[] },
): Promise<number> {
  const conditions = [
    ...keys.map((key) => eq(rateLimits.key, key)),
    ...prefixes.map((prefix) => like(rateLimits.key, `${escapeLike(prefix)}%`)),
  ];
  if (conditions.length === 0) return 0;
  const removed = await db
    .delete(rateLimits)
    .where(or(...conditions))
    .returning({ key: rateLimits.key });
  return removed.length;
}

/** The keys under a prefix whose growing delay has not ended, with when it ends. */
export async function delayedCounters(
  db: Executor,
  prefix: string,
  now = new Date(),
): Promise<{ key: string; blockedUntil: string }[]> {
  const rows = await db
    .select({ key: rateLimits.key, blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(
      and(like(rateLimits.key, `${escapeLike(prefix)}%`), gt(rateLimits.blockedUntil, now.toISOString())),
    );
  return rows.flatMap((row) => (row.blockedUntil ? [{ key: row.key, blockedUntil: row.blockedUntil }] : []));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
