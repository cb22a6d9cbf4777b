import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rateLimits } from '../db/schema';

/** A fixed-window budget of failures: `limit` per `windowSeconds`. */
export interface FailureBudget {
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface Exhausted {
  key: string;
  retryAfterSeconds: number;
}

function windowStartOf(now: Date, windowSeconds: number): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/**
 * The first budget already spent in its current window, with the seconds until it refills; null
 * when every budget has room. The counters live in PostgreSQL so every server process shares them.
 */
export async function exhaustedBudget(
  db: Executor,
  budgets: readonly FailureBudget[],
  now: Date,
): Promise<Exhausted | null> {
  if (budgets.length === 0) return null;
  const rows = await db
    .select({ key: rateLimits.key, windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(
      inArray(
        rateLimits.key,
        budgets.map((b) => b.key),
      ),
    );
  for (const budget of budgets) {
    const start = windowStartOf(now, budget.windowSeconds);
    const row = rows.find(
      (r) => r.key === budget.key && new Date(r.windowStart).getTime() === start.getTime(),
    );
    if (row && row.count >= budget.limit) {
      const end = start.getTime() + budget.windowSeconds * 1000;
      return { key: budget.key, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
    }
  }
  return null;
}

/** Counts one failure against each budget, and forgets the windows that are over. */
export async function spendFailure(
  db: Executor,
  budgets: readonly FailureBudget[],
  now: Date,
): Promise<void> {
  for (const budget of budgets) {
    const start = windowStartOf(now, budget.windowSeconds).toISOString();
    await db
      .insert(rateLimits)
      .values({ key: budget.key, windowStart: start, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      });
    await db.delete(rateLimits).where(and(eq(rateLimits.key, budget.key), lt(rateLimits.windowStart, start)));
  }
}
