import type { Language, PackageType } from './carrier';
import { a4, type PageLayout, type TextMeasure, wrapText } from '../pdf/page-layout';
import { PageFlow, pageMargin, type TableColumn } from '../pdf/page-flow';
import { addressLines, type PostalAddress } from './postal-address';
import { renderPdf } from '../pdf/render-pdf';
import { formatKilograms } from './shipping-label';

/** What goes in the box with the goods: A4, in the customer's language. */
export interface PackingSlip {
  language: Language;
  orderNumber: string;
  /** YYYY-MM-DD, when the customer placed the order. */
  orderDate: string;
  customerName: string;
  shipTo: PostalAddress;
  /** The store that shipped it. */
  from: PostalAddress;
  lines: { sku: string; name: string; qtyOrdered: number; qtyPacked: number }[];
  packages: { packageNumber: number; type: PackageType; weightGrams: number; trackingNumber?: string }[];
  /** A message for the customer; the standard thank-you and returns note when absent. */
  note?: string;
}

const words = {
  en: {
    title: 'Packing slip',
    order: 'Order',
    orderDate: 'Order date',
    customer: 'Customer',
    shipTo: 'Ship to',
    shippedBy: 'Shipped by',
    sku: 'SKU',
    item: 'Item',
    ordered: 'Ordered',
    packed: 'Packed',
    packages: 'Packages',
    package: 'Package',
    type: 'Type',
    weight: 'Weight',
    tracking: 'Tracking number',
    short: '* Not in this shipment.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    note: 'Thank you for your order! To return an item, bring it with this slip to any of our stores, or start the return from your account.',
    packageTypes: {
      envelope: 'Envelope',
      bag: 'Bag',
      'box-s': 'Small box',
      'box-m': 'Medium box',
      'box-l': 'Large box',
      custom: 'Other',
    },
  },
  it: {
    title: 'Distinta di imballaggio',
    order: 'Ordine',
    orderDate: 'Data ordine',
    customer: 'Cliente',
    shipTo: 'Indirizzo di consegna',
    shippedBy: 'Spedito da',
    sku: 'Codice',
    item: 'Articolo',
    ordered: 'Ordinati',
    packed: 'Imballati',
    packages: 'Colli',
    package: 'Collo',
    type: 'Tipo',
    weight: 'Peso',
    tracking: 'Numero di spedizione',
    short: '* Non incluso in questa spedizione.',
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
    note: 'Grazie per il tuo ordine! Per un reso, porta l’articolo con questa distinta in uno dei nostri negozi, oppure avvia il reso dal tuo account.',
    packageTypes: {
      envelope: 'Busta',
      bag: 'Sacchetto',
      'box-s': 'Scatola piccola',
      'box-m': 'Scatola media',
      'box-l': 'Scatola grande',
      custom: 'Altro',
    },
  },
} as const satisfies Record<Language, unknown>;

export function packingSlipWords(language: Language) {
  return words[language];
}

function longDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

const right = a4.width - pageMargin;

export function layoutPackingSlip(slip: PackingSlip, measure: TextMeasure): PageLayout[] {
  const w = words[slip.language];
  const flow = new PageFlow(measure);
  flow.advance(20);
  flow.text(pageMargin, w.title, 20, 'bold');
  flow.textRight(right, `${w.order} ${slip.orderNumber}`, 14, 'bold');
  flow.advance(22);
  flow.text(pageMargin, `${w.customer}: ${slip.customerName}`, 10);
  flow.textRight(right, `${w.orderDate}: ${longDate(slip.orderDate, slip.language)}`, 10);
  flow.advance(24);

  // Ship-to and shipped-by side by side.
  const half = (right - pageMargin) / 2;
  const blocks: [string, PostalAddress][] = [
    [w.shipTo, slip.shipTo],
    [w.shippedBy, slip.from],
  ];
  const top = flow.y;
  let bottom = top;
  blocks.forEach(([title, address], i) => {
    const x = pageMargin + i * half;
    flow.y = top;
    flow.text(x, title.toUpperCase(), 7.5, 'bold', half - 12);
    addressLines(address).forEach((line, n) => {
      flow.advance(13);
      flow.text(x, line, 10, n === 0 ? 'bold' : 'regular', half - 12);
    });
    bottom = Math.max(bottom, flow.y);
  });
  flow.y = bottom + 28;

  const columns: TableColumn[] = [
    { title: w.sku, x: pageMargin, width: 100 },
    { title: w.item, x: pageMargin + 108, width: 255 },
    { title: w.ordered, x: right - 140, width: 60, align: 'right' },
    { title: w.packed, x: right - 70, width: 70, align: 'right' },
  ];
  const lineHeader = (f: PageFlow) => {
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
  lineHeader(flow);
  flow.repeatHeader = lineHeader;
  for (const line of slip.lines) {
    flow.ensure(16);
    const mark = line.qtyPacked < line.qtyOrdered ? ' *' : '';
    flow.row(columns, [line.sku, line.name, String(line.qtyOrdered), `${line.qtyPacked}${mark}`], 10);
    flow.advance(16);
  }
  flow.repeatHeader = undefined;
  if (slip.lines.some((line) => line.qtyPacked < line.qtyOrdered)) {
    flow.text(pageMargin, w.short, 8.5);
    flow.advance(14);
  }

  const packageColumns: TableColumn[] = [
    { title: w.package, x: pageMargin, width: 60 },
    { title: w.type, x: pageMargin + 68, width: 140 },
    { title: w.weight, x: pageMargin + 216, width: 70, align: 'right' },
    { title: w.tracking, x: pageMargin + 306, width: right - pageMargin - 306 },
  ];
  flow.ensure(60);
  flow.advance(16);
  flow.text(pageMargin, `${w.packages} (${slip.packages.length})`, 12, 'bold');
  flow.advance(18);
  const packageHeader = (f: PageFlow) => {
    f.row(
      packageColumns,
      packageColumns.map((c) => c.title),
      8.5,
      'bold',
    );
    f.advance(5);
    f.rule();
    f.advance(13);
  };
  packageHeader(flow);
  flow.repeatHeader = packageHeader;
  for (const pkg of slip.packages) {
    flow.ensure(16);
    flow.row(
      packageColumns,
      [
        `${pkg.packageNumber} / ${slip.packages.length}`,
        w.packageTypes[pkg.type],
        formatKilograms(pkg.weightGrams, slip.language),
        pkg.trackingNumber ?? '',
      ],
      10,
    );
    flow.advance(16);
  }
  flow.repeatHeader = undefined;

  const note = wrapText(measure, slip.note ?? w.note, 10, 'regular', right - pageMargin - 24, 8);
  flow.advance(14);
  flow.ensure(note.length * 14 + 20);
  flow.frame(pageMargin, right - pageMargin, note.length * 14 + 14);
  flow.advance(18);
  for (const line of note) {
    flow.text(pageMargin + 12, line, 10);
    flow.advance(14);
  }
  return flow.finish((n, of) => `${w.order} ${slip.orderNumber} · ${w.page(n, of)}`);
}

export function renderPackingSlip(slip: PackingSlip): Promise<Uint8Array> {
  const w = words[slip.language];
  return renderPdf({ title: `${w.title} ${slip.orderNumber}` }, (measure) =>
    layoutPackingSlip(slip, measure),
  );
}
