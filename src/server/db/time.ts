/**
 * Postgres prints timestamptz as "2026-11-22 13:45:00.123+00"; the wire carries ISO 8601.
 * Drizzle hands string-mode columns through as printed, so every view converts here.
 */
export function iso(value: string | Date): string;
export function iso(value: string | Date | null): string | null;
export function iso(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  const normalised = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable timestamp: ${value}`);
  return date.toISOString();
}
