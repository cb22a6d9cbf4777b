/**
 * The year a 2-digit GS1 year stands for, seen from `referenceYear` (GS1 General
 * Specifications 7.12): up to 50 years ahead is this century, 51 or more ahead is the last
 * one, and 50 or more behind is the next one. So from 2025, "75" is 2075 and "76" is 1976.
 */
export function gs1Year(yy: number, referenceYear: number): number {
  const current = referenceYear % 100;
  const century = referenceYear - current;
  const ahead = yy - current;
  if (ahead >= 51) return century - 100 + yy;
  if (ahead <= -50) return century + 100 + yy;
  return century + yy;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A GS1 YYMMDD date as "YYYY-MM-DD", or undefined when it is no date. Day "00" means the month
 * only is known, which GS1 reads as its last day ("best before end of 05/2026").
 */
export function gs1Date(yymmdd: string, referenceYear: number): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const year = gs1Year(Number(yymmdd.slice(0, 2)), referenceYear);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (day > last) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day === 0 ? last : day, 2)}`;
}
