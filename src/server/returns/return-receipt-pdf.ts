import { code128Bars, code128QuietZoneModules } from '../pdf/code128-bars';
import { PageFlow, pageMargin, type TableColumn } from '../pdf/page-flow';
import { a4, type PageLayout, type TextMeasure, wrapText } from '../pdf/page-layout';
import { renderPdf } from '../pdf/render-pdf';
import type { ReturnReceipt } from './return-receipt';

/*
 * The printed return receipt, A4 like the packing slip and drawn with the same page flow: the
 * store, the receipt number as text and as a Code 128 barcode (scanning it at any till finds the
 * return), what came back and why, and the money, line by line.
 */

const right = a4.width - pageMargin;
/** Module width in points: a 15-character number stays under 230 pt wide, easy for any scanner. */
const barcodeModule = 1.1;
const barcodeHeight = 36;

function drawBarcode(flow: PageFlow, text: string): void {
  const symbol = code128Bars(text);
  const left = pageMargin + code128QuietZoneModules * barcodeModule;
  for (const bar of symbol.bars) {
    flow.pages.at(-1)!.marks.push({
      kind: 'bar',
      x: left + bar.start * barcodeModule,
      y: flow.y,
      width: bar.width * barcodeModule,
      height: barcodeHeight,
    });
  }
}

function table(flow: PageFlow, columns: TableColumn[], rows: string[][], size = 10) {
  const header = (f: PageFlow) => {
    f.row(
      columns,
      columns.map((c) => c.title),
      8.5,
      'bold',
    );
    f.advance(5);
    f.rule();
    f.advance(13);
  };
  header(flow);
  flow.repeatHeader = header;
  for (const cells of rows) {
    flow.ensure(16);
    flow.row(columns, cells, size);
    flow.advance(16);
  }
  flow.repeatHeader = undefined;
}

export function layoutReturnReceipt(receipt: ReturnReceipt, measure: TextMeasure): PageLayout[] {
  const w = receipt.words;
  const flow = new PageFlow(measure);
  flow.advance(20);
  flow.text(pageMargin, w.title, 20, 'bold', 260);
  flow.textRight(right, receipt.storeName, 14, 'bold');
  flow.advance(16);
  flow.textRight(right, receipt.storeAddress, 9);
  flow.advance(26);

  // The number, its barcode, and who and when beside it.
  const top = flow.y;
  flow.text(pageMargin, `${w.receipt} ${receipt.number}`, 12, 'bold', 250);
  flow.advance(8);
  drawBarcode(flow, receipt.number);
  const side = pageMargin + 280;
  flow.y = top;
  for (const line of [
    `${w.date}: ${receipt.dateTime}`,
    `${w.customer}: ${receipt.customerName}`,
    `${w.takenBy}: ${receipt.takenBy}`,
  ]) {
    flow.text(side, line, 10, 'regular', right - side);
    flow.advance(15);
  }
  flow.y = top + 8 + barcodeHeight + 22;
  flow.text(pageMargin, receipt.order, 10);
  flow.advance(22);

  // The status, in a box, with what it means for the customer.
  const note = wrapText(measure, receipt.statusNote, 10, 'regular', right - pageMargin - 24, 4);
  const reason = receipt.declinedBecause
    ? wrapText(
        measure,
        `${w.declinedBecause}: ${receipt.declinedBecause}`,
        10,
        'regular',
        right - pageMargin - 24,
        4,
      )
    : [];
  const boxHeight = 22 + (note.length + reason.length) * 14 + 6;
  flow.ensure(boxHeight + 10);
  const boxTop = flow.y;
  flow.frame(pageMargin, right - pageMargin, boxHeight);
  flow.advance(18);
  flow.text(pageMargin + 12, `${w.status}: ${receipt.statusLabel}`, 11, 'bold');
  for (const line of [...note, ...reason]) {
    flow.advance(14);
    flow.text(pageMargin + 12, line, 10);
  }
  flow.y = boxTop + boxHeight + 24;

  flow.ensure(60);
  flow.text(pageMargin, `${w.itemsReturned} (${receipt.units.length})`, 12, 'bold');
  flow.advance(18);
  const c = w.columns;
  table(
    flow,
    [
      { title: c.item, x: pageMargin, width: 150 },
      { title: c.size, x: pageMargin + 156, width: 36 },
      { title: c.reason, x: pageMargin + 198, width: 140 },
      { title: c.condition, x: pageMargin + 344, width: 62 },
      { title: c.outcome, x: pageMargin + 412, width: right - pageMargin - 412 },
    ],
    receipt.units.map((u) => [u.name, u.size, u.reason, u.condition, u.outcome]),
    9,
  );

  if (receipt.refundLines.length > 0 || receipt.total) {
    flow.ensure(80);
    flow.advance(14);
    flow.text(pageMargin, w.refund, 12, 'bold');
    flow.advance(18);
    const r = w.refundColumns;
    const money: TableColumn[] = [
      { title: r.item, x: pageMargin, width: 235 },
      { title: r.qty, x: pageMargin + 240, width: 35, align: 'right' },
      { title: r.price, x: pageMargin + 285, width: 70, align: 'right' },
      { title: r.discount, x: pageMargin + 365, width: 70, align: 'right' },
      { title: r.refund, x: right - 70, width: 70, align: 'right' },
    ];
    if (receipt.refundLines.length > 0) {
      table(
        flow,
        money,
        receipt.refundLines.map((l) => [l.name, String(l.qty), l.price, l.discount, l.refund]),
      );
    }
    if (receipt.shipping) {
      flow.ensure(16);
      flow.text(pageMargin, w.shipping, 10);
      flow.textRight(right, receipt.shipping, 10);
      flow.advance(16);
    }
    if (receipt.total) {
      flow.ensure(30);
      flow.rule(1);
      flow.advance(16);
      flow.text(pageMargin, receipt.total.label, 12, 'bold');
      flow.textRight(right, receipt.total.amount, 12, 'bold');
      flow.advance(20);
    }
  }
  if (receipt.paidTo) {
    flow.ensure(16);
    flow.text(pageMargin, `${receipt.paidTo.label}: ${receipt.paidTo.method}`, 10);
    flow.advance(16);
  }
  return flow.finish((n, of) => `${w.receipt} ${receipt.number} · ${w.page(n, of)}`);
}

export function renderReturnReceipt(receipt: ReturnReceipt): Promise<Uint8Array> {
  return renderPdf({ title: `${receipt.words.title} ${receipt.number}` }, (measure) =>
    layoutReturnReceipt(receipt, measure),
  );
}
