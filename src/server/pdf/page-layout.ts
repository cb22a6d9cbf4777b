/*
 * A page as a list of marks, laid out before anything touches pdf-lib: layouts stay plain
 * functions that tests can read (which words, where), and render-pdf.ts paints any of them.
 * Coordinates are PDF points (1/72 in) from the page's top-left corner, y growing downwards;
 * a text's y is its baseline.
 */

export type FontWeight = 'regular' | 'bold';

export type Mark =
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight: FontWeight }
  /** Filled black rectangle: barcode bars, thick rules. */
  | { kind: 'bar'; x: number; y: number; width: number; height: number }
  /** Outlined rectangle or, with zero height or width, a rule. */
  | { kind: 'frame'; x: number; y: number; width: number; height: number; lineWidth: number };

export interface PageLayout {
  width: number;
  height: number;
  marks: Mark[];
}

/** Width in points of text set in Helvetica (render-pdf.ts gives the real one). */
export type TextMeasure = (text: string, size: number, weight: FontWeight) => number;

export const a4 = { width: 595.28, height: 841.89 } as const;

const ellipsis = '…';

/** The longest start of text that fits in maxWidth, with "…" when something was cut. */
export function truncateText(
  measure: TextMeasure,
  text: string,
  size: number,
  weight: FontWeight,
  maxWidth: number,
): string {
  if (measure(text, size, weight) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ellipsis;
    if (measure(candidate, size, weight) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + ellipsis;
}

/**
 * Text broken at spaces into at most maxLines lines of maxWidth; a word longer than a line is
 * cut, and the last line ends in "…" when text is left over. Never loses text silently.
 */
export function wrapText(
  measure: TextMeasure,
  text: string,
  size: number,
  weight: FontWeight,
  maxWidth: number,
  maxLines: number,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, size, weight) <= maxWidth || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(current);
  const kept = lines.slice(0, maxLines);
  const cut = lines.length > maxLines;
  return kept.map((line, i) =>
    truncateText(measure, cut && i === kept.length - 1 ? `${line}${ellipsis}` : line, size, weight, maxWidth),
  );
}

/** The largest size from `size` down to `minSize` (half-point steps) at which text fits, else minSize. */
export function fitSize(
  measure: TextMeasure,
  text: string,
  size: number,
  minSize: number,
  weight: FontWeight,
  maxWidth: number,
): number {
  let fitted = size;
  while (fitted > minSize && measure(text, fitted, weight) > maxWidth) fitted -= 0.5;
  return Math.max(fitted, minSize);
}
