import type { Language } from './carrier';
import type { ManifestSummary } from './manifest';
import { a4, type PageLayout, type TextMeasure } from '../pdf/page-layout';
import { PageFlow, pageMargin, type TableColumn } from '../pdf/page-flow';
import { addressLines, type PostalAddress } from './postal-address';
import { renderPdf } from '../pdf/render-pdf';
import { formatKilograms } from './shipping-label';

/** The end-of-day manifest the driver signs when collecting the day's parcels: A4. */
export interface ManifestDocument {
  language: Language;
  carrierName: string;
  manifestId: string;
  /** YYYY-MM-DD */
  shipDate: string;
  /** The store. */
  from: PostalAddress;
  summary: ManifestSummary;
}

const words = {
  en: {
    title: 'End-of-day manifest',
    manifest: 'Manifest',
    date: 'Date',
    shipments: 'Shipments',
    packages: 'Packages',
    weight: 'Total weight',
    columns: ['#', 'Tracking number', 'Order', 'Pkg', 'Weight', 'Destination'],
    total: 'Total',
    signatures: ['Driver (name and signature)', 'Store (name and signature)', 'Collected at (date, time)'],
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
  it: {
    title: 'Distinta di consegna',
    manifest: 'Distinta',
    date: 'Data',
    shipments: 'Spedizioni',
    packages: 'Colli',
    weight: 'Peso totale',
    columns: ['#', 'Numero di spedizione', 'Ordine', 'Collo', 'Peso', 'Destinazione'],
    total: 'Totale',
    signatures: ['Autista (nome e firma)', 'Negozio (nome e firma)', 'Ritirato il (data, ora)'],
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
  },
} as const satisfies Record<Language, unknown>;

const right = a4.width - pageMargin;

export function layoutManifest(manifest: ManifestDocument, measure: TextMeasure): PageLayout[] {
  const w = words[manifest.language];
  const { rows, totals } = manifest.summary;
  const flow = new PageFlow(measure);
  flow.advance(20);
  flow.text(pageMargin, w.title, 20, 'bold');
  flow.textRight(right, manifest.carrierName, 14, 'bold');
  flow.advance(20);
  flow.text(pageMargin, `${w.manifest} ${manifest.manifestId}`, 10, 'bold');
  flow.textRight(right, `${w.date} ${manifest.shipDate}`, 10, 'bold');
  flow.advance(16);
  flow.text(pageMargin, addressLines(manifest.from).join(', '), 9);
  flow.advance(22);

  const figures: [string, string][] = [
    [w.shipments, String(totals.shipments)],
    [w.packages, String(totals.packages)],
    [w.weight, formatKilograms(totals.weightGrams, manifest.language)],
  ];
  const cell = (right - pageMargin) / figures.length;
  flow.frame(pageMargin, right - pageMargin, 38);
  figures.forEach(([title, value], i) => {
    flow.y += 13;
    flow.text(pageMargin + 10 + i * cell, title.toUpperCase(), 7.5, 'bold');
    flow.y += 17;
    flow.text(pageMargin + 10 + i * cell, value, 14, 'bold');
    flow.y -= 30;
  });
  flow.advance(62);

  const [n, tracking, order, pkg, weight, destination] = w.columns;
  const columns: TableColumn[] = [
    { title: n, x: pageMargin, width: 24, align: 'right' },
    { title: tracking, x: pageMargin + 32, width: 128 },
    { title: order, x: pageMargin + 166, width: 80 },
    { title: pkg, x: pageMargin + 252, width: 34 },
    { title: weight, x: pageMargin + 290, width: 54, align: 'right' },
    { title: destination, x: pageMargin + 356, width: right - pageMargin - 356 },
  ];
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
  rows.forEach((row, i) => {
    flow.ensure(15);
    flow.row(
      columns,
      [
        String(i + 1),
        row.trackingNumber,
        row.orderNumber,
        `${row.packageNumber}/${row.packageCount}`,
        formatKilograms(row.weightGrams, manifest.language),
        `${row.destinationPostcode} ${row.destinationCity} (${row.destinationCountry})`,
      ],
      9,
    );
    flow.advance(15);
  });
  flow.repeatHeader = undefined;
  flow.ensure(20);
  flow.advance(-8);
  flow.rule();
  flow.advance(14);
  flow.row(
    columns,
    [
      '',
      w.total,
      `${totals.shipments}`,
      `${totals.packages}`,
      formatKilograms(totals.weightGrams, manifest.language),
      '',
    ],
    9,
    'bold',
  );

  // Signatures: the driver's takes responsibility for the parcels listed.
  flow.advance(24);
  flow.ensure(70);
  const box = (right - pageMargin - 24) / 3;
  w.signatures.forEach((title, i) => {
    const x = pageMargin + i * (box + 12);
    flow.frame(x, box, 60);
    flow.y += 12;
    flow.text(x + 6, title, 7.5, 'bold', box - 12);
    flow.y -= 12;
  });
  flow.advance(60);
  return flow.finish(
    (page, of) => `${manifest.carrierName} · ${w.manifest} ${manifest.manifestId} · ${w.page(page, of)}`,
  );
}

export function renderManifest(manifest: ManifestDocument): Promise<Uint8Array> {
  const w = words[manifest.language];
  return renderPdf({ title: `${w.title} ${manifest.manifestId}` }, (measure) =>
    layoutManifest(manifest, measure),
  );
}
