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

function collectCsp(message: ConsoleMessage, where: string) {
  if (CSP_MESSAGE.test(message.text())) cspViolations.push(`${where}: ${message.text()}`);
}

function watchPage(page: Page) {
  page.on('console', (message) => collectCsp(message, page.url()));
  page.on('worker', (worker) => worker.on('console', (message) => collectCsp(message, worker.url())));
}

/** Fails the running test on any CSP violation in this context (the default one is watched). */
export function watchCsp(context: BrowserContext): void {
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

      const results = await builder.analyze();
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
