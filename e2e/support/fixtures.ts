import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from '@playwright/test';

/** The WCAG rule sets every page must pass. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Violations at these impact levels fail the test; minor/moderate ones are only attached. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface CheckA11yOptions {
  /** CSS selectors to limit the scan to. */
  include?: string[];
  /** CSS selectors to leave out of the scan. */
  exclude?: string[];
  /** axe rule ids to skip (say why at the call site). */
  disableRules?: string[];
}

export type CheckA11y = (page?: Page, options?: CheckA11yOptions) => Promise<void>;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

function formatViolation(violation: Violation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `      - ${node.target.join(' ')}\n        ${node.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`,
    )
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
  return (
    `  [${violation.impact}] ${violation.id}: ${violation.help}\n` +
    `    ${violation.helpUrl}\n` +
    `    ${violation.nodes.length} element(s):\n${nodes}${more}`
  );
}

/**
 * Content-Security-Policy violations seen by the watched browser contexts of the running test
 * (pages and their workers: zxing-wasm compiles in the decoder's worker). Any one fails the test.
 */
let cspViolations: string[] = [];
const CSP_MESSAGE = /Content Security Policy|Refused to (load|execute|apply|compile|connect|frame|create)/i;

/**
 * axe-core, while it analyses a page, sets style attributes and builds <style> elements from
 * the page's sheets (its CSSOM preload); our policy refuses both, which is right. Inline-style
 * reports during an axe run are axe's, not the app's: the app itself never styles inline, so
 * outside a run they still fail the test.
 */
let axeRunning = 0;
const INLINE_STYLE = /Applying inline style violates|style-src-(attr|elem) blocked inline/i;

function collectCsp(message: ConsoleMessage, where: string) {
  const text = message.text();
  if (!CSP_MESSAGE.test(text)) return;
  if (axeRunning > 0 && INLINE_STYLE.test(text)) return;
  cspViolations.push(`${where}: ${text}`);
}

function watchPage(page: Page) {
  page.on('console', (message) => collectCsp(message, page.url()));
  page.on('worker', (worker) => worker.on('console', (message) => collectCsp(message, worker.url())));
}

/** Fails the running test on any CSP violation in this context (the default one is watched). */
export function watchCsp(context: BrowserContext): void {
  // The console message does not say what was blocked; the page's own event does (a sample of
  // the blocked text and where it came from), so a violation can be traced to its source.
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.warn(
        `Content Security Policy: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
          `from ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} sample ${JSON.stringify(event.sample)}`,
      );
    });
  });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

export const test = base.extend<{ checkA11y: CheckA11y; cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      cspViolations = [];
      watchCsp(context);
      await use();
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  checkA11y: async ({ page: defaultPage }, use, testInfo) => {
    let scan = 0;
    await use(async (page = defaultPage, options = {}) => {
      let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS);
      for (const selector of options.include ?? []) builder = builder.include(selector);
      for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
      if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

      axeRunning += 1;
      let results: AxeResults;
      try {
        results = await builder.analyze();
        // Console messages reach the test asynchronously: let axe's own land before the flag drops.
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      } finally {
        axeRunning -= 1;
      }
      scan += 1;
      await testInfo.attach(`axe-results-${scan}.json`, {
        body: JSON.stringify(results, null, 2),
        contentType: 'application/json',
      });

      const blocking = results.violations.filter(
        (violation) => violation.impact != null && BLOCKING_IMPACTS.has(violation.impact),
      );
      const message =
        `Accessibility (axe) found ${blocking.length} serious/critical violation(s) on ${page.url()}:\n` +
        blocking.map(formatViolation).join('\n');
      expect(blocking.length, message).toBe(0);
    });
  },
});

export { expect };
