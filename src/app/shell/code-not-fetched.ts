/**
 * Whether an error is a screen's code that could not be fetched (a dynamic import that failed),
 * as Chromium, Firefox and Safari word it, rather than a bug in the screen.
 */
export function isCodeNotFetched(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|importing a module script failed|error loading dynamically imported/i.test(
    error.message,
  );
}
