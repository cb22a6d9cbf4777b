import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { requestErrorCodes } from '../../contract/error-codes';
import {
  boardResponse,
  checkInBody,
  checkInResult,
  enrollKioskBody,
  enrolledKiosk,
  enrollmentCode,
  enrollmentCodeStatus,
  kioskEnrollBody,
  kioskEnrolled,
  kioskDevice,
  kioskList,
  kioskOrderView,
  kioskSelf,
  ratingBody,
} from '../../contract/kiosk';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import type { Db } from '../db/client';
import { HttpError } from '../http-error';
import { normalizeIP } from '../rate-limit/limiter';
import { stores } from '../db/schema';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import { checkIn } from './check-in';
import { kioskOf, registerKioskAuth } from './kiosk-auth';
import { enrollKiosk, listKiosks, revokeKiosk } from './kiosk-enrollment';
import {
  enrollmentCodeStatus as loadCodeStatus,
  issueEnrollmentCode,
  redeemEnrollmentCode,
} from './kiosk-enrollment-codes';
import { kioskOrder, loadBoard, rateOrder } from './kiosk-orders';

const managerTags = ['kiosks'];
const kioskTags = ['kiosk'];
const bearer = [{ bearer: [] }];
const kioskAuth = [{ kiosk: [] }];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * The counter kiosk and the board (issue 7): managers enroll and revoke the store's kiosk
 * devices; an enrolled device checks customers in, shows the board and takes ratings, with its
 * own secret and no associate signed in.
 */
export function kioskRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  verifyPass: PassSignatureVerifier,
  enrollmentKey: Buffer,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requireKiosk = registerKioskAuth(app, db);

  r.post(
    '/api/kiosks',
    {
      onRequest: guards.requireManager,
      schema: {
        tags: managerTags,
        security: bearer,
        summary: "Enroll a device as the store's counter kiosk or board (managers)",
        description: 'The secret is in this answer only; the server keeps its hash.',
        body: enrollKioskBody,
        response: { 201: enrolledKiosk, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const actor = { ...actorOf(principal), id: principal.associateId, storeId: principal.storeId };
      reply.status(201).header('cache-control', 'no-store');
      return enrollKiosk(db, actor, request.body.name);
    },
  );

  r.post(
    '/api/kiosks/enrollment-codes',
    {
      onRequest: guards.requireManager,
      schema: {
        tags: managerTags,
        security: bearer,
        summary: 'A one-time code a kiosk scans to enroll itself (managers)',
        description:
          "The manager's screen shows `text` as a QR; a device posts it to /api/kiosk/enroll within ten minutes, once. Poll /api/kiosks/enrollment-codes/{codeId} to learn when it was used.",
        body: enrollKioskBody,
        response: { 201: enrollmentCode, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const actor = { ...actorOf(principal), id: principal.associateId, storeId: principal.storeId };
      reply.status(201).header('cache-control', 'no-store');
      return issueEnrollmentCode(db, enrollmentKey, actor, request.body.name);
    },
  );

  r.get(
    '/api/kiosks/enrollment-codes/:codeId',
    {
      onRequest: guards.requireManager,
      schema: {
        tags: managerTags,
        security: bearer,
        summary: 'Whether an enrollment code is still waiting, was used (and by which kiosk) or expired',
        params: z.object({ codeId: z.uuid() }),
        response: { 200: enrollmentCodeStatus, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return loadCodeStatus(db, principalOf(request).storeId, request.params.codeId);
    },
  );

  r.post(
    '/api/kiosk/enroll',
    {
      bodyLimit: 4096,
      schema: {
        tags: kioskTags,
        summary: "A device enrolls as a kiosk with the code it scanned from a manager's screen",
        description:
          'No sign-in: the signed, single-use code is the credential. 404 kiosk.enrollmentInvalid for a code this server did not sign, 410 kiosk.enrollmentExpired, 409 kiosk.enrollmentUsed, 429 request.rateLimited past 30 tries in 10 minutes from one address. The secret is in this answer only.',
        body: kioskEnrollBody,
        response: { 201: kioskEnrolled, 410: errorBody, 429: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      await app.limits.kioskEnroll.take(
        normalizeIP(request.ip),
        requestErrorCodes.rateLimited,
        'Too many enrolment tries from this network. Wait a few minutes, then scan a new code.',
      );
      reply.status(201).header('cache-control', 'no-store');
      return redeemEnrollmentCode(db, enrollmentKey, request.body.code);
    },
  );

  r.get(
    '/api/kiosks',
    {
      onRequest: guards.requireManager,
      schema: {
        tags: managerTags,
        security: bearer,
        summary: "The store's kiosks, revoked ones included (managers)",
        response: { 200: kioskList, ...errors },
      },
    },
    async (request) => ({ kiosks: await listKiosks(db, principalOf(request).storeId) }),
  );

  r.delete(
    '/api/kiosks/:kioskId',
    {
      onRequest: guards.requireManager,
      schema: {
        tags: managerTags,
        security: bearer,
        summary: 'Revoke a kiosk: its secret stops working at once (managers)',
        params: z.object({ kioskId: z.uuid() }),
        response: { 200: kioskDevice, ...errors },
      },
    },
    (request) => {
      const principal = principalOf(request);
      return revokeKiosk(db, { ...actorOf(principal), storeId: principal.storeId }, request.params.kioskId);
    },
  );

  r.get(
    '/api/kiosk/me',
    {
      onRequest: requireKiosk,
      schema: {
        tags: kioskTags,
        security: kioskAuth,
        summary: 'The enrolled kiosk this secret belongs to, and its store',
        response: { 200: kioskSelf, ...errors },
      },
    },
    async (request) => {
      const kiosk = kioskOf(request);
      const [store] = await db
        .select({ id: stores.id, name: stores.name })
        .from(stores)
        .where(eq(stores.id, kiosk.storeId));
      return {
        id: kiosk.kioskId,
        name: kiosk.name,
        store: store ?? { id: kiosk.storeId, name: kiosk.storeId },
      };
    },
  );

  r.post(
    '/api/kiosk/check-in',
    {
      onRequest: requireKiosk,
      schema: {
        tags: kioskTags,
        security: kioskAuth,
        summary: 'A customer checks in at the counter with the pickup pass, or the order number and code',
        description:
          'Wrong tries answer 422 kiosk.checkInFailed whether or not the order exists, and are limited per order number (5) and per kiosk (30) in 15-minute windows: past that, typed codes answer 429 kiosk.tooManyTries with details.retryAfterSeconds and the kiosk asks for the QR on the pickup pass, which is always taken (it cannot be guessed). A ready order records an arrival and alerts the store devices.',
        body: checkInBody,
        response: { 200: checkInResult, 422: errorBody, 429: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        return await checkIn(db, kioskOf(request), request.body, { verifyPass, limits: app.limits });
      } catch (error) {
        const wait = error instanceof HttpError ? error.details?.retryAfterSeconds : undefined;
        if (typeof wait === 'number') reply.header('retry-after', String(wait));
        throw error;
      }
    },
  );

  r.get(
    '/api/kiosk/orders/:orderId',
    {
      onRequest: requireKiosk,
      schema: {
        tags: kioskTags,
        security: kioskAuth,
        summary: 'The order checked in at this kiosk: its status, privacy-safe',
        params: z.object({ orderId: z.uuid() }),
        response: { 200: kioskOrderView, ...errors },
      },
    },
    (request) => kioskOrder(db, kioskOf(request), request.params.orderId),
  );

  r.post(
    '/api/kiosk/rating',
    {
      onRequest: requireKiosk,
      schema: {
        tags: kioskTags,
        security: kioskAuth,
        summary: 'The customer rates the pickup, 1 to 5, once per collected order',
        body: ratingBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await rateOrder(db, kioskOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/kiosk/board',
    {
      onRequest: requireKiosk,
      schema: {
        tags: kioskTags,
        security: kioskAuth,
        summary: 'The board: orders being prepared and ready, with privacy-safe labels',
        response: { 200: boardResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return loadBoard(db, kioskOf(request).storeId);
    },
  );
}
