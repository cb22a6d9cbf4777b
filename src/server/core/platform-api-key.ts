import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http-error';

/**
 * The e-commerce platform's calls (intake, its cancels, its catalogue's pictures) carry this key.
 * Compares digests, so the time taken says nothing about how much of the key was right.
 */
export function assertApiKey(expected: string, given: string | undefined): void {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!given || !timingSafeEqual(digest(given), digest(expected))) {
    throw new HttpError(401, 'auth.badApiKey', 'Send the platform API key in X-Api-Key');
  }
}
