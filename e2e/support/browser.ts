import { existsSync } from 'node:fs';

/**
 * Which Chromium Playwright should launch. See docs/decisions/0001-browser-for-tests.md.
 *
 * Order:
 *  1. `CHROMIUM_PATH` or `PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH` (must exist if set),
 *  2. a system Chromium/Chrome (Debian's `chromium` package gives /usr/bin/chromium),
 *  3. `undefined`: Playwright's own downloaded browser (`npx playwright install`),
 *     which only works on a machine that can download browsers.
 */
const ENV_VARS = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const;

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
] as const;

export function chromiumExecutable(): string | undefined {
  for (const name of ENV_VARS) {
    const value = process.env[name]?.trim();
    if (!value) continue;
    if (!existsSync(value)) {
      throw new Error(
        `${name} is set to "${value}", but no file exists there. ` +
          `Unset it or point it at a Chromium executable.`,
      );
    }
    return value;
  }
  return SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Flags needed to run Chromium headless as root in a container without network access. */
export const chromiumArgs: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
