import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestErrorCodes } from '../../contract/error-codes';
import { findWireProblem, type WireLimits } from '../../contract/wire-text';
import { HttpError } from '../http-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Top-level body fields the route screens itself with `findWireProblem` (the sync push
     * refuses one bad command alone, not its whole batch). The rest of the body, the path and
     * the query are still screened here.
     */
    screensOwnFields?: readonly string[];
  }
}

/** Far beyond any real request body (a 1 MB body limit holds at most ~250k values). */
const BODY_LIMITS: WireLimits = { maxDepth: 32, maxNodes: 300_000 };
/** A path or query string is flat: a few dozen values. */
const URL_LIMITS: WireLimits = { maxDepth: 4, maxNodes: 1_000 };

function screen(part: 'params' | 'query' | 'body', value: unknown, limits: WireLimits): void {
  const problem = findWireProblem(value, limits);
  if (!problem) return;
  const where = `${part}${problem.path}`;
  if (problem.kind === 'unsafeText') {
    throw new HttpError(
      400,
      requestErrorCodes.unsafeText,
      `${where} holds a character no text may hold (a NUL or a lone surrogate)`,
      { fields: [{ path: where, message: 'holds a NUL or a lone surrogate' }] },
    );
  }
  throw new HttpError(400, requestErrorCodes.invalid, `${part} is nested too deep or holds too many values`, {
    fields: [{ path: part, message: 'is nested too deep or holds too many values' }],
  });
}

/**
 * The one place text from a client is screened before validation or storage: a NUL byte or a
 * lone surrogate in any path parameter, query value or body string (keys included) is refused
 * with 400 `request.unsafeText`, so it never reaches PostgreSQL (which answers NUL with an
 * error). Runs after authentication (onRequest guards) and before schema validation.
 */
export function registerWireTextScreening(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    screen('params', request.params, URL_LIMITS);
    screen('query', request.query, URL_LIMITS);
    const own = request.routeOptions.config.screensOwnFields;
    const body = request.body;
    if (own && body && typeof body === 'object' && !Array.isArray(body)) {
      const rest = Object.fromEntries(Object.entries(body).filter(([key]) => !own.includes(key)));
      screen('body', rest, BODY_LIMITS);
    } else if (body !== undefined) {
      screen('body', body, BODY_LIMITS);
    }
  });
}
