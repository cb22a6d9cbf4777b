/**
 * The periods the manager's KPIs cover, in the store's time zone: "day" is today from local
 * midnight, bucketed by hour; "week" is the last seven local days including today, bucketed by
 * day. Only Intl is used (no IO), so the same code runs on both sides.
 */
export const kpiRanges = ['day', 'week'] as const;
export type KpiRange = (typeof kpiRanges)[number];

export interface KpiBucket {
  /** "2026-11-22T14" (an hour) or "2026-11-22" (a day), in the store's time zone. */
  key: string;
  /** The bucket's first instant. */
  start: Date;
}

export interface KpiPeriod {
  range: KpiRange;
  timeZone: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  buckets: KpiBucket[];
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(at)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a local wall-clock time happens (the later one if a DST change repeats it). */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  // Two passes settle the offset across a DST change.
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function hourKey(at: Date, timeZone: string): string {
  return `${dayKey(at, timeZone)}T${pad(localParts(at, timeZone).hour)}`;
}

/** The bucket an instant falls in, for this range. */
export function bucketKey(range: KpiRange, at: Date, timeZone: string): string {
  return range === 'day' ? hourKey(at, timeZone) : dayKey(at, timeZone);
}

export function kpiPeriod(range: KpiRange, now: Date, timeZone: string): KpiPeriod {
  const today = localParts(now, timeZone);
  // Date.UTC normalises day overflow (the 0th of a month, the 32nd…).
  const localDay = (offset: number) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  };
  const startDay = localDay(range === 'day' ? 0 : -6);
  const endDay = localDay(1);
  const from = zonedInstant(timeZone, startDay.year, startDay.month, startDay.day);
  const to = zonedInstant(timeZone, endDay.year, endDay.month, endDay.day);
  const buckets: KpiBucket[] = [];
  if (range === 'day') {
    // By the hour; a DST day has 23 or 25 of them, each keyed once.
    for (let t = from.getTime(); t < to.getTime(); t += 3_600_000) {
      const key = hourKey(new Date(t), timeZone);
      if (!buckets.some((bucket) => bucket.key === key)) buckets.push({ key, start: new Date(t) });
    }
  } else {
    for (let offset = -6; offset <= 0; offset += 1) {
      const d = localDay(offset);
      const start = zonedInstant(timeZone, d.year, d.month, d.day);
      buckets.push({ key: dayKey(start, timeZone), start });
    }
  }
  return { range, timeZone, from, to, buckets };
}
