export type Language = 'it' | 'en';

export function languageOf(value: unknown): Language {
  return value === 'en' ? 'en' : 'it';
}

const locale = (language: Language) => (language === 'it' ? 'it-IT' : 'en-GB');

export function formatMoney(cents: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency }).format(cents / 100);
}

/** The day and the time apart ("sabato 29 novembre", "18:30"), in the store's time zone. */
export function formatDateTime(
  at: Date,
  timeZone: string,
  language: Language,
): { date: string; time: string } {
  const date = new Intl.DateTimeFormat(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(at);
  const time = new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  return { date, time };
}

/** The six digits of a pickup code in two groups, easy to read out at the counter. */
export function groupedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** The code digit by digit ("4 8 2 9 1 3"), for screen readers, which would say a number. */
export function spelledCode(code: string): string {
  return code.split('').join(' ');
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type OpeningHours = Partial<Record<Weekday, { open: string; close: string }[]>>;
const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function dayName(day: Weekday, language: Language): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + weekdays.indexOf(day), 12));
  const name = new Intl.DateTimeFormat(locale(language), { weekday: 'long', timeZone: 'UTC' }).format(date);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The store's week as rows of days with the same hours, e.g. "Monday – Friday: 09:30–13:00,
 * 15:30–19:30". Consecutive days that keep the same hours share a row.
 */
export function openingHoursRows(hours: OpeningHours, language: Language): { days: string; hours: string }[] {
  const closed = language === 'it' ? 'chiuso' : 'closed';
  const describe = (day: Weekday) => {
    const intervals = hours[day] ?? [];
    return intervals.length === 0 ? closed : intervals.map((i) => `${i.open}–${i.close}`).join(', ');
  };
  const rows: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const day of weekdays) {
    const text = describe(day);
    const last = rows.at(-1);
    if (last && last.hours === text) last.to = day;
    else rows.push({ from: day, to: day, hours: text });
  }
  return rows.map((row) => ({
    days:
      row.from === row.to
        ? dayName(row.from, language)
        : `${dayName(row.from, language)} – ${dayName(row.to, language)}`,
    hours: row.hours,
  }));
}
