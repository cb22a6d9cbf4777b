import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
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

/**
 * The platform's routes' onRequest hook: the key is checked before the body is validated, so a
 * caller without one learns nothing.
 */
export const platformKeyRequired =
  (apiKey: string) =>
  async (request: FastifyRequest): Promise<void> =>
    assertApiKey(apiKey, request.headers['x-api-key'] as string | undefined);
