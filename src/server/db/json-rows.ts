import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

/**
 * A table's row as drizzle would have read it, from `row_to_json` of that row (keys are the
 * columns' names in the database): each value goes through its column's own mapping, so a
 * bigint comes back a number, except json and jsonb, which JSON already holds as their values
 * (their mapping would parse a string value a second time). Timestamps in string mode keep JSON's form
 * (`2026-12-06T21:58:19.123+00:00`), which `iso()` reads like the driver's.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    if (value === null || value === undefined) row[key] = null;
    else row[key] = column.getSQLType().startsWith('json') ? value : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
