import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { associateView, refreshBody, session, signInBody } from '../../contract/auth';
import { errorBody } from '../../contract/error-body';
import type { Db } from '../db/client';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import type { AuthConfig } from './auth-service';
import { refreshSession, signIn, signOut } from './auth-service';
import { eq } from 'drizzle-orm';
import { associates, stores } from '../db/schema';
import { HttpError } from '../http-error';
import { authErrorCodes } from '../../contract/error-codes';

const tags = ['auth'];
const errors = { 400: errorBody, 401: errorBody, 429: errorBody };

export function authRoutes(app: FastifyInstance, db: Db, config: AuthConfig, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign an associate in to a store with employee ID and PIN',
        description:
          "PIN checks run a few at a time so that a storm of sign-ins does not slow the stores' work. When too many wait, the answer is 503 auth.busy with a Retry-After header (seconds, also in details.retryAfterSeconds): nothing was counted against the PIN, so send the same sign-in again after that long. 429 auth.lockedOut (too many wrong PINs) carries Retry-After too.",
        body: signInBody,
        response: { 200: session, ...errors, 503: errorBody },
      },
    },
    async (request, reply) => {
      try {
        return await signIn(db, config, request.body, { limits: app.limits, ip: request.ip });
      } catch (error) {
        const wait = error instanceof HttpError ? error.details?.retryAfterSeconds : undefined;
        if (typeof wait === 'number') reply.header('retry-after', String(wait));
        throw error;
      }
    },
  );

  r.post(
    '/api/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Trade a refresh token for a new session (the old refresh token is spent)',
        body: refreshBody,
        response: { 200: session, ...errors },
      },
    },
    (request) => refreshSession(db, config, request.body.refreshToken),
  );

  r.post(
    '/api/auth/sign-out',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        summary: 'Revoke the refresh token of this device',
        security: [{ bearer: [] }],
        body: z.object({ refreshToken: z.string().max(256).optional() }).optional(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await signOut(db, principalOf(request), request.body?.refreshToken);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        summary: 'Who is signed in',
        security: [{ bearer: [] }],
        response: { 200: associateView, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const [row] = await db
        .select({ associate: associates, storeName: stores.name })
        .from(associates)
        .innerJoin(stores, eq(stores.id, associates.storeId))
        .where(eq(associates.id, principal.associateId));
      if (!row) throw new HttpError(401, authErrorCodes.invalidToken, 'This associate no longer exists');
      return {
        id: row.associate.id,
        employeeId: row.associate.employeeId,
        name: row.associate.name,
        role: row.associate.role,
        storeId: row.associate.storeId,
        storeName: row.storeName,
      };
    },
  );
}
