import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import type { Db } from '../db/client';
import { HttpError } from '../http-error';
import { z } from 'zod';
import {
  curbsideArrivalBody,
  curbsideLink,
  curbsideParams,
  curbsideView,
  vehicleText,
} from '../../contract/curbside';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import { curbsideView as loadView, readyOrderForLink, recordCurbsideArrival } from './curbside-service';
import { curbsideExpiry, curbsideUrl, verifyCurbsideToken } from './curbside-token';
import { requestErrorCodes } from '../../contract/error-codes';

const tags = ['curbside'];
const TOO_MANY = 'Too many tries. Wait a little, then try again.';

/**
 * The customer's curbside page: public, no sign-in. The token in the e-mailed link is the only
 * credential; it names one order and expires with the order's pickup hold. Limits count per
 * signed link (app.limits.curbsideRead/curbsideArrive), never per client address: customers
 * behind one proxy or carrier NAT do not share a budget, and only the link's holder spends it.
 * A link that does not verify costs one HMAC and is refused before any database work.
 */
export function curbsideRoutes(
  app: FastifyInstance,
  db: Db,
  key: Buffer,
  guards: Guards,
  publicUrl: string | undefined,
): void {
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
      const orderId = orderOf(request.params.token);
      await app.limits.curbsideRead.take(orderId, requestErrorCodes.rateLimited, TOO_MANY);
      return loadView(db, orderId);
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
      const orderId = orderOf(request.params.token);
      await app.limits.curbsideArrive.take(orderId, requestErrorCodes.rateLimited, TOO_MANY);
      await recordCurbsideArrival(db, orderId, {
        parkingSpot: request.body.parkingSpot,
        vehicle: vehicleText(request.body),
      });
      return loadView(db, orderId);
    },
  );

  r.get(
    '/api/orders/:orderId/curbside-link',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: "A ready order's curbside link, for the associate to show as a QR or copy",
        description:
          'The link the ready e-mail and text carry: the customer opens it to say "I\'m here" from the car. Only for an order waiting for pickup in the store (409 curbside.notReady otherwise); it works until the pickup hold ends.',
        params: z.object({ orderId: z.uuid() }),
        response: { 200: curbsideLink, 401: errorBody, 403: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      const order = await readyOrderForLink(db, principalOf(request).storeId, request.params.orderId);
      reply.header('cache-control', 'no-store');
      // PUBLIC_URL where customers open the app; else the address this associate reached.
      const base = publicUrl ?? `${request.protocol}://${request.host}`;
      return {
        url: curbsideUrl(key, base, order),
        expiresAt: curbsideExpiry(order.readyAt, order.pickupHoldDays).toISOString(),
      };
    },
  );
}
