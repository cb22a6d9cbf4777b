// Prints figures; budgets from the issues are checked here, never in tests.
// Usage: npm run bench  (PGlite; set DATABASE_URL to a PostgreSQL server to measure on it too:
// every bench makes its own fresh database there and drops it afterwards).
//
// Each bench module records rows with recordResult(name, value, unit, what) from ./report;
// the rows are printed as a table at the end and merged into bench/results.json as they come.
// To add a bench, write a module that exports an async function and list it below.
// `npm run bench -- push` runs only the benches whose name contains "push".
import { performance } from 'node:perf_hooks';
import { runBrowserScanBench } from './browser-scan';
import { runBrowserSyncBench } from './browser-sync';
import { runFirstLoadBench } from './first-load';
import { runLighthouseBench } from './lighthouse';
import { printReport, recordNote } from './report';
import { runScanDecodeBench } from './scan-decode';
import { runScanTimeBench } from './scan-time';
import { runServerApiBench } from './server-api';
import { runServerPushBench } from './server-push';
import { runShippingLabelBench } from './shipping-label';
import { runStockLookupBench } from './stock-lookup';

const benches: { name: string; run: () => Promise<void> }[] = [
  { name: 'server-api', run: runServerApiBench },
  { name: 'server-push', run: runServerPushBench },
  { name: 'stock-lookup', run: runStockLookupBench },
  { name: 'browser-sync', run: runBrowserSyncBench },
  { name: 'scan-decode', run: runScanDecodeBench },
  { name: 'scan-time', run: runScanTimeBench },
  { name: 'browser-scan', run: runBrowserScanBench },
  { name: 'first-load', run: runFirstLoadBench },
  { name: 'lighthouse', run: runLighthouseBench },
  { name: 'shipping-label', run: runShippingLabelBench },
];

const only = process.argv.slice(2);
let failed = false;
for (const bench of benches) {
  if (only.length > 0 && !only.some((word) => bench.name.includes(word))) continue;
  const started = performance.now();
  console.log(`[bench] ${bench.name}…`);
  try {
    await bench.run();
    console.log(`[bench] ${bench.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed = true;
    recordNote(
      `${bench.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
printReport(
  `Aisle benchmarks (node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL and PGlite' : 'PGlite'})`,
);
process.exit(failed ? 1 : 0);
