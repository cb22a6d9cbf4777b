import type { Language } from './carrier';
import { code128Bars, code128QuietZoneModules } from '../pdf/code128-bars';
import {
  fitSize,
  type Mark,
  type PageLayout,
  type TextMeasure,
  truncateText,
  wrapText,
} from '../pdf/page-layout';
import { addressLines, type PostalAddress } from './postal-address';
import { renderPdf } from '../pdf/render-pdf';

/** Everything printed on one package's 4×6 in label. */
export interface ShippingLabel {
  carrierName: string;
  serviceName: string;
  trackingNumber: string;
  /** What the Code 128 encodes when the carrier's barcode is not the bare tracking number. */
  barcode?: string;
  /** The carrier's sorting code, printed large when it has one. */
  routingCode?: string;
  orderNumber: string;
  packageNumber: number;
  packageCount: number;
  weightGrams: number;
  /** YYYY-MM-DD */
  shipDate: string;
  from: PostalAddress;
  to: PostalAddress;
}

/** 4×6 in, portrait, the size of thermal label stock. */
export const labelSize = { width: 288, height: 432 } as const;

/*
 * Most 4×6 thermal printers print at 203 dpi. A module of a whole number of dots prints every
 * bar the same width, so the module is 3 dots (0.375 mm), or 2 (0.25 mm, the least a handheld
 * reads reliably) when a long number would not fit the label with its quiet zones.
 */
const printerDot = 72 / 203;
const margin = 10;
const inner = labelSize.width - 2 * margin;
const barHeight = 80;
const barTop = 312;

export function moduleWidthFor(modules: number): number {
  for (const dots of [3, 2]) {
    if ((modules + 2 * code128QuietZoneModules) * dots * printerDot <= inner) return dots * printerDot;
  }
  throw new RangeError(`A Code 128 of ${modules} modules does not fit a 4×6 label`);
}

/** "1,25 kg" (Italian, the default, as labels travel in Italy) or "1.25 kg" in English. */
export function formatKilograms(grams: number, language: Language = 'it'): string {
  const kg = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${kg.format(grams / 1000)} kg`;
}

export function layoutShippingLabel(label: ShippingLabel, measure: TextMeasure): PageLayout {
  const marks: Mark[] = [];
  const text = (x: number, y: number, value: string, size: number, bold = false, maxWidth = inner) => {
    const weight = bold ? 'bold' : 'regular';
    marks.push({
      kind: 'text',
      x,
      y,
      text: truncateText(measure, value, size, weight, maxWidth),
      size,
      weight,
    });
  };
  const rule = (y: number, lineWidth = 1) =>
    marks.push({ kind: 'frame', x: margin, y, width: inner, height: 0, lineWidth });
  const heading = (y: number, value: string) => text(margin, y, value, 6.5, true);

  // Carrier and service.
  const serviceWidth = measure(label.serviceName, 12, 'bold');
  const carrierSize = fitSize(measure, label.carrierName, 18, 10, 'bold', inner - serviceWidth - 12);
  text(margin, 26, label.carrierName, carrierSize, true, inner - serviceWidth - 12);
  text(labelSize.width - margin - serviceWidth, 26, label.serviceName, 12, true);
  rule(36, 2);

  // Sender: the store.
  heading(47, 'MITTENTE / FROM');
  addressLines(label.from)
    .slice(0, 5)
    .forEach((line, i) => text(margin, 57 + i * 9, line, 8, i === 0));
  rule(100);

  // Recipient: the customer, large.
  heading(111, 'DESTINATARIO / SHIP TO');
  if (label.routingCode) {
    const width = measure(label.routingCode, 20, 'bold');
    text(labelSize.width - margin - width, 118, label.routingCode, 20, true);
  }
  let y = 130;
  const to = label.to;
  text(margin, y, to.name, fitSize(measure, to.name, 14, 10, 'bold', inner), true);
  y += 16;
  for (const line of [to.line1, to.line2].filter((l): l is string => Boolean(l))) {
    for (const part of wrapText(measure, line, 12, 'regular', inner, 2)) {
      text(margin, y, part, 12);
      y += 14;
    }
  }
  // The postcode line (and the country abroad) is what sorting reads: the largest type.
  const [, , ...rest] = addressLines({ ...to, line2: undefined });
  for (const line of rest) {
    y += 4;
    text(margin, y, line, fitSize(measure, line, 16, 10, 'bold', inner), true);
    y += 16;
  }
  if (to.phone) text(margin, Math.min(y + 2, 232), `Tel. ${to.phone}`, 8);
  rule(238);

  // Package, weight, order, date: a 2×2 grid.
  const cellWidth = inner / 2;
  const cells: [string, string, number][] = [
    ['COLLO / PACKAGE', `${label.packageNumber} / ${label.packageCount}`, 18],
    ['PESO / WEIGHT', formatKilograms(label.weightGrams), 16],
    ['ORDINE / ORDER', label.orderNumber, 13],
    ['DATA / DATE', label.shipDate, 13],
  ];
  cells.forEach(([title, value, size], i) => {
    const x = margin + (i % 2) * cellWidth + (i % 2 ? 8 : 0);
    const top = 238 + Math.floor(i / 2) * 33;
    text(x, top + 10, title, 6.5, true, cellWidth - 8);
    text(x, top + 27, value, fitSize(measure, value, size, 8, 'bold', cellWidth - 8), true, cellWidth - 8);
  });
  marks.push({ kind: 'frame', x: labelSize.width / 2, y: 242, width: 0, height: 58, lineWidth: 0.75 });
  rule(304);

  // The tracking barcode, centred with its quiet zones, and its human-readable line.
  const data = label.barcode ?? label.trackingNumber;
  const symbol = code128Bars(data);
  const module = moduleWidthFor(symbol.modules);
  const left = (labelSize.width - symbol.modules * module) / 2;
  for (const bar of symbol.bars) {
    marks.push({
      kind: 'bar',
      x: left + bar.start * module,
      y: barTop,
      width: bar.width * module,
      height: barHeight,
    });
  }
  const hriWidth = measure(data, 12, 'bold');
  text((labelSize.width - hriWidth) / 2, barTop + barHeight + 15, data, 12, true);
  if (data !== label.trackingNumber) {
    const line = `TRACKING ${label.trackingNumber}`;
    text((labelSize.width - measure(line, 8, 'regular')) / 2, barTop + barHeight + 26, line, 8);
  }
  return { ...labelSize, marks };
}

/** One label, one 4×6 in page. */
export function renderShippingLabel(label: ShippingLabel): Promise<Uint8Array> {
  return renderPdf({ title: `${label.carrierName} ${label.trackingNumber}` }, (measure) => [
    layoutShippingLabel(label, measure),
  ]);
}
