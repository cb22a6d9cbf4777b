/** Both drivers answer a raw query with `{ rows }`; Drizzle's shared type does not say so. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('query returned no rows array');
  return rows as T[];
}
