import type { KpiReport } from './kpi';

/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF, and a UTF-8 byte-order mark so Excel reads
 * "Però" as written. Fields holding the separator, a semicolon (the separator of Excel in an
 * Italian locale), a quote or a line break are quoted; text a spreadsheet could read as a
 * formula gets a leading apostrophe so a customer's name can never run as one (see
 * `startsLikeFormula`).
 */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/** Characters a spreadsheet may skip before a formula: white space and invisible format marks. */
const LEADING_BLANKS = /^[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064]*/u;

/**
 * Whether a spreadsheet could run this text as a formula. OWASP's CSV-injection triggers are
 * = + - @, a tab, a carriage return (and we add a line feed) at the start of a cell. Spreadsheets
 * also skip leading spaces and fold full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) to the
 * ASCII ones, so the text is checked after its leading blanks, in compatibility form (NFKC).
 */
export function startsLikeFormula(text: string): boolean {
  if (/^[\t\r\n]/.test(text)) return true;
  const rest = text.replace(LEADING_BLANKS, '');
  return /^[=+\-@]/.test(rest.slice(0, 4).normalize('NFKC'));
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = startsLikeFormula(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The report as two tables one after the other: the figures, then the buckets. */
export function kpiCsvRows(report: KpiReport): CsvValue[][] {
  const figures: [string, CsvValue, string][] = [
    ['time_to_pick_median', report.timeToPick.medianMinutes, 'min'],
    ['time_to_pick_average', report.timeToPick.averageMinutes, 'min'],
    ['time_to_pick_orders', report.timeToPick.orders, 'orders'],
    ['ready_vs_promise_median_ahead', report.readyVsPromise.medianMinutesAhead, 'min'],
    ['ready_vs_promise_average_ahead', report.readyVsPromise.averageMinutesAhead, 'min'],
    ['ready_vs_promise_orders', report.readyVsPromise.orders, 'orders'],
    ['on_time', report.onTime.percent, '%'],
    ['on_time_due', report.onTime.due, 'orders'],
    ['on_time_on_time', report.onTime.onTime, 'orders'],
    ['on_time_late', report.onTime.late, 'orders'],
    ['pick_accuracy', report.pickAccuracy.percent, '%'],
    ['short_pick_rate', report.shortPick.percent, '%'],
    ['short_units', report.shortPick.unitsShort, 'units'],
    ['substitution_rate', report.substitution.percent, '%'],
    ['substitution_acceptance_rate', report.acceptance.percent, '%'],
    ['uncollected_ready_past_promise', report.uncollected.readyPastPromise, 'orders'],
    ['uncollected_expired', report.uncollected.expired, 'orders'],
    ['returns', report.returns.count, 'returns'],
    ['returns_refunded', euros(report.returns.refundCents), 'EUR'],
    ['online_sales_orders', report.sales.orders, 'orders'],
    ['online_sales', euros(report.sales.cents), 'EUR'],
    ['pickup_rating_average', report.ratings.average, '1-5'],
    ['pickup_ratings', report.ratings.count, 'ratings'],
  ];
  return [
    ['range', report.range, report.timeZone],
    ['from', report.from, ''],
    ['to', report.to, ''],
    [],
    ['kpi', 'value', 'unit'],
    ...figures,
    [],
    [
      report.range === 'day' ? 'hour' : 'day',
      'online_sales_orders',
      'online_sales_eur',
      'due_on_time',
      'due_late',
      'picked',
    ],
    ...report.buckets.map((b) => [b.key, b.salesOrders, euros(b.salesCents), b.onTime, b.late, b.picked]),
  ];
}
