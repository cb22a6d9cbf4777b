import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';
import { HttpError } from '../http-error';

export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Counts one request under `key` in the current fixed window (the rate_limits table, shared by
 * every instance) and refuses it with 429 past `max`. Old windows are dropped now and then.
 */
export async function takeRateLimit(
  db: Executor,
  key: string,
  limit: RateLimit,
  now = new Date(),
): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`);
  const count = Number(rowsOf<{ count: number | string }>(result)[0]?.count ?? 0);
  if (Math.random() < 0.01) {
    await db.execute(
      sql`delete from rate_limits where window_start < ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`,
    );
  }
  if (count > limit.max) {
    const retryAfter = Math.ceil((windowStart.getTime() + limit.windowMs - now.getTime()) / 1000);
    throw new HttpError(429, 'request.rateLimited', 'Too many tries. Wait a little, then try again.', {
      retryAfterSeconds: retryAfter,
    });
  }
}
