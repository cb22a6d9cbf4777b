// The cost of one 4×6 shipping label with its Code 128 tracking barcode, as the pack bench
// prints it: layout, barcode encoding and the PDF bytes (src/server/shipping).
import { performance } from 'node:perf_hooks';
import { formatFleetTrackingNumber } from '../src/domain/fleet-tracking-number';
import { renderShippingLabel, type ShippingLabel } from '../src/server/shipping/shipping-label';
import { customer, store } from '../src/server/shipping/testing/fixtures';
import { recordResult } from './report';

const warmups = 30;
const runs = 300;

export async function runShippingLabelBench(): Promise<void> {
  const label = (sequence: number): ShippingLabel => ({
    carrierName: 'Aisle Fleet',
    serviceName: 'Next day',
    // A different number each run, so the barcode is encoded afresh every time.
    trackingNumber: formatFleetTrackingNumber('MI01', sequence),
    orderNumber: 'A-10042',
    packageNumber: 1,
    packageCount: 2,
    weightGrams: 1250,
    shipDate: '2026-03-02',
    from: store,
    to: customer,
  });
  let started = performance.now();
  const first = await renderShippingLabel(label(1));
  const cold = performance.now() - started;
  for (let i = 0; i < warmups; i++) await renderShippingLabel(label(2 + i));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    await renderShippingLabel(label(100 + i));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  recordResult(
    'label-pdf-ms',
    at(0.5),
    'ms',
    `median time to render one 4×6 in shipping label PDF with its Code 128 tracking barcode (pdf-lib, vector bars), warm, ${runs} runs; p95 ${at(0.95).toFixed(1)} ms; ${first.length} bytes; budget ≤ 100 ms`,
  );
  recordResult(
    'label-pdf-first-ms',
    cold,
    'ms',
    'the first label in a fresh process (loads the font metrics and the barcode encoder once)',
  );
}
