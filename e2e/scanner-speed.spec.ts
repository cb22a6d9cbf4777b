import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn } from './support/sync-helpers';

// A hardware scanner is a keyboard. Its keys reach Chromium as real input events, stamped
// (as the OS stamps a USB or Bluetooth key) at the inter-character delays sites set in
// DataWedge, and sent in real time at that pace: the test drives Chromium's input pipeline
// (CDP Input.dispatchKeyEvent) rather than page.keyboard, whose round trips on a loaded
// machine would add their own 10-150 ms between keys. Settings learns the pace from one scan;
// scans at that pace then read as scans, and a person typing still does not.

const CODE = '8001234567895';

async function keysAt(page: Page, keys: readonly string[], gapsMs: readonly number[]): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let at = Date.now();
  for (const [i, key] of keys.entries()) {
    const gap = i === 0 ? 0 : gapsMs[(i - 1) % gapsMs.length]!;
    at += gap;
    if (gap) await page.waitForTimeout(gap);
    const text = key === 'Enter' ? '\r' : key;
    const code = key === 'Enter' ? 'Enter' : undefined;
    const windowsVirtualKeyCode = key === 'Enter' ? 13 : undefined;
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key,
      code,
      text,
      windowsVirtualKeyCode,
      timestamp: at / 1000,
    });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key,
      code,
      windowsVirtualKeyCode,
      timestamp: at / 1000,
    });
  }
  await cdp.detach();
}

/** Keys at `gapMs` apart, then Enter at the same pace, as a scanner sends them. */
const scanAt = (page: Page, code: string, gapMs: number) => keysAt(page, [...code, 'Enter'], [gapMs]);

/** A person typing: uneven keys, and a pause before Enter. */
const typeByHand = (page: Page, code: string) =>
  keysAt(page, [...code, 'Enter'], [...[90, 170, 60, 240, 110, 130, 85].slice(0, code.length - 1), 450]);

for (const gapMs of [0, 20, 50, 100]) {
  test(`a scanner typing ${gapMs} ms apart is learned from one scan, then read`, async ({ page }) => {
    await signIn(page);
    await page.goto('/settings');
    const speed = page.getByTestId('scanner-speed');
    await page.getByTestId('scanner-learn').click();
    await expect(page.getByTestId('scanner-speed-status')).toContainText('Scan any barcode');
    await scanAt(page, '4006381333931', gapMs);
    await expect(page.getByTestId('scanner-speed-status')).toContainText('Done.');
    await expect(speed.getByTestId('scanner-pace')).toContainText(
      gapMs > 50 ? `about ${gapMs} ms apart` : 'fast scanners',
    );

    // Focus off any field, as on a pick step: the scan lands on the page.
    await page.getByRole('heading', { level: 1 }).click();
    await scanAt(page, CODE, gapMs);
    await expect(page.getByTestId('scanner-test-result')).toHaveText(`Received “${CODE}” from the scanner.`);
  });
}

test('a 100-ms scanner is not read before its pace is known, and typing by hand never is', async ({
  page,
  checkA11y,
}) => {
  await signIn(page);
  await page.goto('/settings');
  await page.getByRole('heading', { level: 1 }).click();
  await scanAt(page, CODE, 100);
  await expect(page.getByTestId('scanner-test-result')).toHaveText('Nothing scanned yet.');

  // The delay set by hand, as read off the scanner's own settings.
  await page.getByLabel('Delay between characters (ms, empty for the standard)').fill('100');
  await page.getByRole('button', { name: 'Save delay' }).click();
  await expect(page.getByTestId('scanner-pace')).toContainText('about 100 ms apart');

  // A person typing, on a device set for a 100-ms scanner: not a scan.
  await page.getByRole('heading', { level: 1 }).click();
  await typeByHand(page, '80012345');
  await expect(page.getByTestId('scanner-test-result')).toHaveText('Nothing scanned yet.');
  // The same scanner is now read.
  await scanAt(page, CODE, 100);
  await expect(page.getByTestId('scanner-test-result')).toHaveText(`Received “${CODE}” from the scanner.`);

  // Learning refuses the same typing.
  await page.getByTestId('scanner-learn').click();
  await typeByHand(page, '80012345');
  await expect(page.getByTestId('scanner-speed-status')).toContainText('unevenly');
  await checkA11y(page);
});

for (const [language, title] of [
  ['en', 'Scanner speed'],
  ['it', 'Velocità dello scanner'],
] as const) {
  test(`settings fit a 360-px handheld in ${language}`, async ({ browser, checkA11y }, testInfo) => {
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      serviceWorkers: 'block',
      locale: 'en-GB',
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await signIn(page);
    await page.evaluate((lang) => localStorage.setItem('aisle.language', lang), language);
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkA11y(page);
    await context.close();
  });
}
