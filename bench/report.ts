// The benchmark report: every bench module records its rows here with one call, and the
// runner prints them as a table and merges them into bench/results.json.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  what: string;
}

/**
 * `{ "<name>": { "value": n, "unit": "…", "what": "…", "at": "<ISO time>" } }`, and for a row
 * comparing two runs its figures too, e.g. `{ "without": 8.1, "with": 8.9, "ratio": 1.1 }`.
 */
export type BenchResults = Record<
  string,
  { value: number; unit: string; what?: string; at?: string; [figure: string]: unknown }
>;

export const resultsPath = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

const rows: BenchRow[] = [];

/**
 * Records one figure. It is printed in the table at the end of the run and written to
 * bench/results.json at once (merged with the rows other benches wrote earlier), so a bench
 * that fails later still leaves the figures it already measured.
 */
export function recordResult(
  name: string,
  value: number,
  unit: string,
  what: string,
  figures: Record<string, number> = {},
): void {
  const row = { name, value, unit, what };
  const existing = rows.findIndex((r) => r.name === name);
  if (existing >= 0) rows[existing] = row;
  else rows.push(row);
  const results = readResults();
  const rounded = Object.fromEntries(
    Object.entries(figures).map(([key, figure]) => [key, Math.round(figure * 100) / 100]),
  );
  results[name] = { value: round(value), unit, what, ...rounded, at: new Date().toISOString() };
  const temporary = `${resultsPath}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, resultsPath);
}

/** A line printed under the table, e.g. why a row was skipped. */
const notes: string[] = [];
export function recordNote(note: string): void {
  notes.push(note);
  console.log(`[bench] ${note}`);
}

export function readResults(): BenchResults {
  if (!existsSync(resultsPath)) return {};
  try {
    return JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults;
  } catch {
    return {};
  }
}

export function recordedRows(): readonly BenchRow[] {
  return rows;
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : value;
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function printReport(title: string): void {
  console.log(`\n${title}\n`);
  console.log('| name | value | unit | what |\n|---|---|---|---|');
  for (const row of rows) {
    console.log(`| ${row.name} | ${formatValue(row.value)} | ${row.unit} | ${row.what} |`);
  }
  for (const note of notes) console.log(`\nNote: ${note}`);
  console.log(`\nWritten to ${resultsPath}`);
}
