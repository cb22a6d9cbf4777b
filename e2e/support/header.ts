import { expect, type Page } from '@playwright/test';

/**
 * The header's menu. On a handheld (narrower than 60rem) language, labels, settings, returns,
 * the manager's view and sign-out sit behind the menu button; on a wide screen they are in the
 * header row and the button is hidden. These helpers open the menu only where it exists.
 */
export async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if (!(await toggle.isVisible())) return;
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export async function closeMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if (!(await toggle.isVisible())) return;
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
}

/** Switches the app's language from the header (EN or IT), through the menu where there is one. */
export async function chooseLanguage(page: Page, code: 'EN' | 'IT'): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: code, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', code.toLowerCase());
  await closeMenu(page);
}
