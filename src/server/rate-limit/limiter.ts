import type { ErrorCode } from '../../contract/error-catalogue';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { HttpError } from '../http-error';
import type { Executor } from '../db/client';
import { callClock, databaseStore, forgetCounters, peekCounters, type BackoffOptions } from './db-store';

export { normalizeIP } from '@fastify/rate-limit';

/**
 * The one rate limiter of the API (ADR 0025): @fastify/rate-limit over the rate_limits table.
 * A rule is either a fixed window (max hits per windowMs) or a growing delay: max failures go
 * free, then each further failure waits windowMs, 2×, 4×… up to maxDelayMs.
 */
export interface LimitRule {
  max: number;
  windowMs: number;
  backoff?: { maxDelayMs: number; memoryMs: number };
}

export interface Verdict {
  exceeded: boolean;
  retryAfterSeconds: number;
}

export interface Limiter {
  /** Where the key stands, counting nothing (before an attempt whose failure is counted). */
  peek(key: string, now?: Date): Promise<Verdict>;
  /**
   * The same read of several keys inside a caller's transaction (a command batch), in one
   * statement, which must not wait on another connection: on PGlite there is only one.
   */
  peekWithin(executor: Executor, keys: readonly string[]): Promise<Map<string, Verdict>>;
  /** Counts one hit (or failure) against the key. */
  hit(key: string, now?: Date): Promise<Verdict>;
  /** Counts one hit and refuses with 429 `code` past the limit. */
  take(key: string, code: ErrorCode, message: string): Promise<void>;
  /** Forgets the key's count (a right PIN, a manager lifting a lock-out). */
  forget(key: string): Promise<void>;
}

const KEY = Symbol('rate-limit-key');
type Keyed = FastifyRequest & { [KEY]: string };

/** Registers the plugin (no route is limited by default) with the database store. */
export async function registerRateLimit(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(fastifyRateLimit, { global: false, store: databaseStore(db) });
}

/**
 * A limiter under its own key prefix. Keys are whatever the caller throttles by (an address,
 * an account, a signed link), not only the caller's address, so each call names its key.
 */
export function createLimiter(app: FastifyInstance, db: Db, name: string, rule: LimitRule): Limiter {
  const options: BackoffOptions & Parameters<FastifyInstance['createRateLimit']>[0] = {
    max: rule.max,
    timeWindow: rule.windowMs,
    backoff: rule.backoff,
    keyGenerator: (request) => `${name}:${(request as Keyed)[KEY]}`,
  };
  const check = app.createRateLimit(options);
  const run = async (key: string, increment: boolean, now?: Date): Promise<Verdict> => {
    // The plugin reads only the key and the route's config from the request it is given.
    const request = { [KEY]: key, routeOptions: { config: {} } } as unknown as Keyed;
    const fullKey = `${name}:${key}`;
    if (now) callClock.set(fullKey, now.getTime());
    let result;
    try {
      result = await check(request, { increment });
    } finally {
      if (now) callClock.delete(fullKey);
    }
    if (result.isAllowed) return { exceeded: false, retryAfterSeconds: 0 };
    return { exceeded: result.isExceeded, retryAfterSeconds: Math.max(1, result.ttlInSeconds) };
  };
  return {
    peek: (key, now) => run(key, false, now),
    async peekWithin(executor, keys) {
      // The same counter and rule the plugin's store reads, without the plugin's own request.
      const results = await peekCounters(
        executor,
        keys.map((key) => `${name}:${key}`),
        rule.max,
        rule.backoff,
        Date.now(),
      );
      return new Map(
        keys.map((key) => {
          const result = results.get(`${name}:${key}`)!;
          return [
            key,
            {
              exceeded: result.current > rule.max,
              retryAfterSeconds: Math.max(1, Math.ceil(result.ttl / 1000)),
            },
          ];
        }),
      );
    },
    hit: (key, now) => run(key, true, now),
    async forget(key) {
      await forgetCounters(db, { keys: [`${name}:${key}`] });
    },
    async take(key, code, message) {
      const verdict = await run(key, true);
      if (verdict.exceeded) {
        throw new HttpError(429, code, message, { retryAfterSeconds: verdict.retryAfterSeconds });
      }
    },
  };
}
