import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import type { Db } from '../db/client';
import { HttpError } from '../http-error';
import { curbsideArrivalBody, curbsideParams, curbsideView, vehicleText } from '../../contract/curbside';
import { curbsideView as loadView, recordCurbsideArrival } from './curbside-service';
import { verifyCurbsideToken } from './curbside-token';
import { takeRateLimit, type RateLimit } from './rate-limit';

const tags = ['curbside'];
/** A page left open polls every few seconds; guessing tokens gets nowhere at this pace anyway. */
const READS: RateLimit = { max: 120, windowMs: 60_000 };
const ARRIVALS: RateLimit = { max: 20, windowMs: 10 * 60_000 };

/**
 * The customer's curbside page: public, no sign-in. The token in the e-mailed link is the only
 * credential; it names one order and expires with the order's pickup hold.
 */
export function curbsideRoutes(app: FastifyInstance, db: Db, key: Buffer): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const orderOf = (token: string) => {
    const check = verifyCurbsideToken(key, token);
    if (check.ok) return check.orderId;
    if (check.why === 'expired') {
      throw new HttpError(
        410,
        'curbside.expired',
        'This link has expired: the store no longer holds the order.',
      );
    }
    throw new HttpError(404, 'curbside.notFound', 'This link does not name an order.');
  };
  const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 429: errorBody };

  r.get(
    '/api/curbside/:token',
    {
      schema: {
        tags,
        summary: 'The order a curbside link names, and whether an associate is on the way',
        params: curbsideParams,
        response: { 200: curbsideView, ...errors },
      },
    },
    async (request) => {
      await takeRateLimit(db, `curbside:read:${request.ip}`, READS);
      return loadView(db, orderOf(request.params.token));
    },
  );

  r.post(
    '/api/curbside/:token/arrived',
    {
      bodyLimit: 4096,
      schema: {
        tags,
        summary: '"I\'m here": the customer waits in the car; a second call updates the spot and car',
        params: curbsideParams,
        body: curbsideArrivalBody,
        response: { 200: curbsideView, ...errors },
      },
    },
    async (request) => {
      await takeRateLimit(db, `curbside:arrive:${request.ip}`, ARRIVALS);
      const orderId = orderOf(request.params.token);
      await recordCurbsideArrival(db, orderId, {
        parkingSpot: request.body.parkingSpot,
        vehicle: vehicleText(request.body),
      });
      return loadView(db, orderId);
    },
  );
}
