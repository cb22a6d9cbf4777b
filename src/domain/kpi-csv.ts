import type { KpiReport } from './kpi';

/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF, and a UTF-8 byte-order mark so Excel reads
 * "Però" as written. Fields holding the separator, a semicolon (the separator of Excel in an
 * Italian locale), a quote or a line break are quoted; text starting like a formula
 * (= + - @) gets a leading apostrophe so a customer's name can never run as one.
 */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
    ['ready_vs_promise_orders', report.readyVsPromise.orders, 'orders'],
    ['on_time', report.onTime.percent, '%'],
    ['on_time_due', report.onTime.due, 'orders'],
    ['on_time_late', report.onTime.late, 'orders'],
    ['pick_accuracy', report.pickAccuracy.percent, '%'],
    ['short_pick_rate', report.shortPick.percent, '%'],
    ['short_units', report.shortPick.unitsShort, 'units'],
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
      'ready_on_time',
      'ready_late',
      'picked',
    ],
    ...report.buckets.map((b) => [
      b.key,
      b.salesOrders,
      euros(b.salesCents),
      b.readyOnTime,
      b.readyLate,
      b.picked,
    ]),
  ];
}
