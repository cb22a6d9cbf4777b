import { DomainError } from './domain-error';

/**
 * How long ago, in the store's calendar, a customer received their goods, and whether a return
 * window of N days is still open. Days are calendar days in the store's time zone, not 24-hour
 * spans: a parcel collected at 23:50 in Milan was received that day, even though it is already
 * the next day in UTC, and the customer has until 23:59:59 of the last day, local time.
 */
export const returnWindowErrorCodes = {
  badTimeZone: 'return.badTimeZone',
  badInstant: 'return.badInstant',
} as const;

/** A calendar date, YYYY-MM-DD. */
export type LocalDate = string;

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new DomainError(returnWindowErrorCodes.badInstant, `not an instant: ${iso}`, { value: iso });
  }
  return date;
}

/**
 * The calendar date of an instant in a time zone: an IANA name ("Europe/Rome", which follows
 * daylight saving) or a fixed UTC offset ("+01:00", for stores that configure one). Pure: the
 * answer depends only on the arguments and the runtime's time-zone data.
 */
export function localDate(instantIso: string, timeZone: string): LocalDate {
  const instant = parseInstant(instantIso);
  const offset = OFFSET.exec(timeZone);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1);
    return new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 10);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch {
    throw new DomainError(returnWindowErrorCodes.badTimeZone, `unknown time zone: ${timeZone}`, {
      timeZone,
    });
  }
  const part = (type: string) => format.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function dayNumber(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` calendar days after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export interface ReturnWindow {
  /** The day the customer received the goods, in the store's calendar. */
  receivedOn: LocalDate;
  /** The last day a return is accepted: receivedOn + windowDays, open until its end. */
  lastDay: LocalDate;
  /** The day of the return, in the store's calendar. */
  today: LocalDate;
  /** Calendar days since receipt: 0 on the day itself. */
  daysSinceReceipt: number;
  open: boolean;
}

/**
 * The window as shops word it: "30 days" means the day of receipt plus 30 more days, so goods
 * received on 1 March can come back until the end of 31 March, store time.
 */
export function returnWindow(
  receivedAtIso: string,
  nowIso: string,
  windowDays: number,
  timeZone: string,
): ReturnWindow {
  const receivedOn = localDate(receivedAtIso, timeZone);
  const today = localDate(nowIso, timeZone);
  const daysSinceReceipt = daysBetween(receivedOn, today);
  return {
    receivedOn,
    lastDay: addDays(receivedOn, windowDays),
    today,
    daysSinceReceipt,
    open: daysSinceReceipt <= windowDays,
  };
}
