import { and, asc, lte, sql } from 'drizzle-orm';
import type { CommandActor } from '../../commands/order-tx';
import { isDomainError } from '../../domain/domain-error';
import { substitutionErrorCodes } from '../../domain/substitution';
import { runCommands } from '../core/run-commands';
import type { Db } from '../db/client';
import { orderLines } from '../db/schema';

/** Requests one run declines at most; the next run (a minute later) takes the rest. */
const RUN_LIMIT = 500;

/** Who declines what the customer left unanswered, in the audit and the webhook ("by": deadline). */
const deadlineActor = (storeId: string): CommandActor => ({
  type: 'platform',
  id: 'substitution-deadline',
  name: 'Substitution answer deadline',
  storeId,
  role: 'platform',
  deviceId: null,
});

export interface SubstitutionExpiryRun {
  /** `orderId/lineId` of each request declined by this run. */
  declined: string[];
  failures: { storeId: string; error: unknown }[];
}

/**
 * The answer deadline (issue 15): a substitute still pending at its deadline is declined, with the
 * same command a customer's "no" runs, one store's requests in one transaction, so the picker's
 * device is poked and shows it at once. A request answered meanwhile is refused by the command
 * and skipped: the customer's answer stands.
 */
export async function expirePendingSubstitutes(db: Db, now: Date): Promise<SubstitutionExpiryRun> {
  const due = await db
    .select({ storeId: orderLines.storeId, orderId: orderLines.orderId, lineId: orderLines.id })
    .from(orderLines)
    .where(
      and(
        sql`${orderLines.substitute}->>'status' = 'pending'`,
        lte(sql`(${orderLines.substitute}->>'deadline')::timestamptz`, now.toISOString()),
      ),
    )
    .orderBy(asc(orderLines.storeId))
    .limit(RUN_LIMIT);
  const run: SubstitutionExpiryRun = { declined: [], failures: [] };
  const byStore = new Map<string, typeof due>();
  for (const row of due) byStore.set(row.storeId, [...(byStore.get(row.storeId) ?? []), row]);
  for (const [storeId, rows] of byStore) {
    for (const row of rows) {
      try {
        await db.transaction((tx) =>
          runCommands(tx, deadlineActor(storeId), [
            {
              name: 'substitution.decide',
              args: { orderId: row.orderId, lineId: row.lineId, accept: false },
            },
          ]),
        );
        run.declined.push(`${row.orderId}/${row.lineId}`);
      } catch (error) {
        // Answered (or the order closed) since it was read: nothing is left to decline.
        if (isDomainError(error) && error.code === substitutionErrorCodes.notPending) continue;
        run.failures.push({ storeId, error });
      }
    }
  }
  return run;
}
