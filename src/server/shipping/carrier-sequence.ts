import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';

/**
 * The store's next number in a carrier's sequence (the own fleet's tracking numbers). One
 * statement on its own, committed at once: the row lock it takes lasts microseconds, two
 * concurrent calls can never get the same number, and a booking that fails after taking one
 * leaves a gap, never a duplicate.
 */
export async function nextCarrierSequence(db: Executor, storeId: string, carrierId: string): Promise<number> {
  const result = await db.execute(sql`
    insert into carrier_sequences (store_id, carrier_id, last_value) values (${storeId}, ${carrierId}, 1)
    on conflict (store_id, carrier_id) do update set last_value = carrier_sequences.last_value + 1
    returning last_value`);
  const row = rowsOf<{ last_value: string | number }>(result)[0];
  if (!row) throw new Error('carrier_sequences upsert returned nothing');
  return Number(row.last_value);
}
