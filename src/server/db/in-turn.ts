/**
 * Runs a transaction's reads one after another and gives their results in order, as
 * Promise.all would. A transaction is one connection: its queries run in turn whatever the code
 * says, and node-postgres deprecates (pg 9 removes) a query sent while another is running.
 * Drizzle's queries start when awaited, so each starts only after the one before has answered.
 */
export async function inTurn<T extends readonly unknown[]>(
  queries: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
