import {
  a4,
  type FontWeight,
  type Mark,
  type PageLayout,
  type TextMeasure,
  truncateText,
} from './page-layout';

/*
 * Top-to-bottom flow over A4 pages for documents of any length (a packing slip with many lines,
 * a manifest with a day's parcels): content goes where the cursor is, and a block that would
 * cross the bottom margin starts a new page, which opens with the repeated header (e.g. a
 * table's column titles).
 */

export const pageMargin = 40;

export interface TableColumn {
  title: string;
  x: number;
  width: number;
  align?: 'left' | 'right';
}

export class PageFlow {
  readonly pages: PageLayout[] = [];
  y = pageMargin;
  /** Drawn at the top of every page after the first, e.g. a table's column titles. */
  repeatHeader: ((flow: PageFlow) => void) | undefined;

  constructor(
    readonly measure: TextMeasure,
    private readonly bottomReserve = 30,
  ) {
    this.newPage();
  }

  private get marks(): Mark[] {
    return (this.pages.at(-1) as PageLayout).marks;
  }

  private newPage(): void {
    this.pages.push({ width: a4.width, height: a4.height, marks: [] });
    this.y = pageMargin;
  }

  /** Makes room for `height` points, starting a new page (and its header) when needed. */
  ensure(height: number): void {
    if (this.y + height <= a4.height - pageMargin - this.bottomReserve) return;
    this.newPage();
    this.repeatHeader?.(this);
  }

  /** Text at the cursor's baseline, cut with "…" to maxWidth. */
  text(
    x: number,
    value: string,
    size: number,
    weight: FontWeight = 'regular',
    maxWidth = a4.width - pageMargin - x,
  ) {
    const fitted = truncateText(this.measure, value, size, weight, maxWidth);
    this.marks.push({ kind: 'text', x, y: this.y, text: fitted, size, weight });
  }

  /** Text whose right edge is at `right`. */
  textRight(right: number, value: string, size: number, weight: FontWeight = 'regular') {
    this.marks.push({
      kind: 'text',
      x: right - this.measure(value, size, weight),
      y: this.y,
      text: value,
      size,
      weight,
    });
  }

  /** A table row at the cursor: each cell in its column, cut to the column's width. */
  row(
    columns: readonly TableColumn[],
    cells: readonly string[],
    size: number,
    weight: FontWeight = 'regular',
  ) {
    columns.forEach((column, i) => {
      const value = truncateText(this.measure, cells[i] ?? '', size, weight, column.width);
      if (column.align === 'right') this.textRight(column.x + column.width, value, size, weight);
      else this.text(column.x, value, size, weight, column.width);
    });
  }

  rule(lineWidth = 0.5): void {
    this.marks.push({
      kind: 'frame',
      x: pageMargin,
      y: this.y,
      width: a4.width - 2 * pageMargin,
      height: 0,
      lineWidth,
    });
  }

  /** A box with its top-left corner at the cursor. */
  frame(x: number, width: number, height: number, lineWidth = 0.75): void {
    this.marks.push({ kind: 'frame', x, y: this.y, width, height, lineWidth });
  }

  advance(points: number): void {
    this.y += points;
  }

  /** Writes `footer(pageNumber, pageCount)` at the bottom of every page; call once, at the end. */
  finish(footer: (page: number, of: number) => string): PageLayout[] {
    this.pages.forEach((page, i) => {
      const line = footer(i + 1, this.pages.length);
      page.marks.push({
        kind: 'text',
        x: a4.width - pageMargin - this.measure(line, 8, 'regular'),
        y: a4.height - pageMargin + 12,
        text: line,
        size: 8,
        weight: 'regular',
      });
    });
    return this.pages;
  }
}
