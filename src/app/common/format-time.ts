/*
 * One formatter per locale. toLocaleTimeString with options builds a new Intl.DateTimeFormat on
 * every call; the countdowns and the sync status re-render every second, and a queue of 40
 * orders made that a 100–500 ms task each second at 4× CPU, in the way of the first tap (issue 14).
 */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "14:05": the hour and minute of `date`, as `locale` writes them. */
export function formatTime(date: Date | number, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(locale, format);
  }
  return format.format(date);
}
