import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KIOSK_AUTH_SCHEME, kioskErrorCodes } from '../../contract/kiosk-codes';
import type { Actor } from '../audit/audit';
import type { Db } from '../db/client';
import { kioskDevices } from '../db/schema';
import { HttpError } from '../http-error';

/** The enrolled device behind a request guarded by `requireKiosk`. */
export interface KioskPrincipal {
  kioskId: string;
  storeId: string;
  name: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    kiosk: KioskPrincipal | null;
  }
}

/** 32 random bytes: unguessable, so a plain SHA-256 (no salt, no stretching) is enough at rest. */
export function newKioskSecret(): string {
  return `kiosk_${randomBytes(32).toString('base64url')}`;
}

export function hashKioskSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Audit rows of a kiosk: no associate did it, the enrolled device did. */
export function kioskActor(kiosk: KioskPrincipal): Actor & { id: string; storeId: string } {
  return { type: 'system', id: kiosk.kioskId, storeId: kiosk.storeId, deviceId: `kiosk:${kiosk.kioskId}` };
}

export function kioskOf(request: FastifyRequest): KioskPrincipal {
  if (!request.kiosk) throw new HttpError(401, kioskErrorCodes.notEnrolled, 'Enroll this device as a kiosk');
  return request.kiosk;
}

const LAST_SEEN_STEP = sql`interval '1 minute'`;

/** Registers the request decoration and answers the guard for kiosk routes. */
export function registerKioskAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('kiosk', null);
  return async function requireKiosk(request: FastifyRequest): Promise<void> {
    const match = request.headers.authorization?.match(new RegExp(`^${KIOSK_AUTH_SCHEME}\\s+(\\S+)$`, 'i'));
    if (!match?.[1]) {
      throw new HttpError(401, kioskErrorCodes.notEnrolled, `Send the kiosk secret: Authorization: Kiosk …`);
    }
    const [row] = await db
      .select({
        id: kioskDevices.id,
        storeId: kioskDevices.storeId,
        name: kioskDevices.name,
        revokedAt: kioskDevices.revokedAt,
      })
      .from(kioskDevices)
      .where(eq(kioskDevices.tokenHash, hashKioskSecret(match[1])));
    if (!row) throw new HttpError(401, kioskErrorCodes.notEnrolled, 'This device is not an enrolled kiosk');
    if (row.revokedAt) throw new HttpError(401, kioskErrorCodes.revoked, 'A manager revoked this kiosk');
    request.kiosk = { kioskId: row.id, storeId: row.storeId, name: row.name };
    // At most one write a minute per kiosk: the board polls every 10 s.
    await db
      .update(kioskDevices)
      .set({ lastSeenAt: sql`now()` })
      .where(
        and(
          eq(kioskDevices.id, row.id),
          or(isNull(kioskDevices.lastSeenAt), lt(kioskDevices.lastSeenAt, sql`now() - ${LAST_SEEN_STEP}`)),
        ),
      );
  };
}
