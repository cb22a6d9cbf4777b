import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Session, SignInBody } from '../../contract/auth';
import { authErrorCodes } from '../../contract/error-codes';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { associates, refreshTokens, stores } from '../db/schema';
import { HttpError } from '../http-error';
import { decoyHash, verifyPin } from './pin-hash';
import type { Principal, TokenService } from './tokens';
import { hashRefreshToken, newRefreshToken } from './tokens';

const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 5 * 60 * 1000;

export interface AuthConfig {
  tokens: TokenService;
  refreshTtlDays: number;
}

async function issueSession(
  db: Db,
  config: AuthConfig,
  principal: Principal,
  storeName: string,
  employeeId: string,
) {
  const access = await config.tokens.issueAccess(principal);
  const refresh = newRefreshToken();
  const refreshExpiresAt = new Date(Date.now() + config.refreshTtlDays * 86_400_000);
  await db.insert(refreshTokens).values({
    associateId: principal.associateId,
    storeId: principal.storeId,
    deviceId: principal.deviceId,
    tokenHash: refresh.hash,
    expiresAt: refreshExpiresAt.toISOString(),
  });
  const session: Session = {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
    associate: {
      id: principal.associateId,
      employeeId,
      name: principal.name,
      role: principal.role,
      storeId: principal.storeId,
      storeName,
    },
  };
  return session;
}

const badCredentials = () =>
  new HttpError(401, authErrorCodes.badCredentials, 'The employee ID or PIN is not right for this store');

export async function signIn(db: Db, config: AuthConfig, body: SignInBody): Promise<Session> {
  const [row] = await db
    .select({ associate: associates, storeName: stores.name })
    .from(associates)
    .innerJoin(stores, eq(stores.id, associates.storeId))
    .where(and(eq(associates.storeId, body.storeId), eq(associates.employeeId, body.employeeId)));
  if (!row || !row.associate.active) {
    await verifyPin(body.pin, await decoyHash);
    throw badCredentials();
  }
  const { associate } = row;
  if (associate.lockedUntil && new Date(associate.lockedUntil) > new Date()) {
    const retryAfterSeconds = Math.ceil((new Date(associate.lockedUntil).getTime() - Date.now()) / 1000);
    throw new HttpError(429, authErrorCodes.lockedOut, 'Too many wrong PINs; wait and try again', {
      retryAfterSeconds,
    });
  }
  if (!(await verifyPin(body.pin, associate.pinHash))) {
    const failed = associate.failedAttempts + 1;
    const locked = failed >= MAX_FAILED_ATTEMPTS;
    await db
      .update(associates)
      .set({
        failedAttempts: locked ? 0 : failed,
        lockedUntil: locked ? new Date(Date.now() + LOCKOUT_MS).toISOString() : null,
      })
      .where(eq(associates.id, associate.id));
    throw badCredentials();
  }
  await db
    .update(associates)
    .set({ failedAttempts: 0, lockedUntil: null })
    .where(eq(associates.id, associate.id));
  const principal: Principal = {
    associateId: associate.id,
    storeId: associate.storeId,
    role: associate.role,
    deviceId: body.deviceId,
    name: associate.name,
  };
  await recordAudit(
    db,
    { type: 'associate', id: associate.id, storeId: associate.storeId, deviceId: body.deviceId },
    {
      action: 'auth.signIn',
      entityType: 'associate',
      entityId: associate.id,
    },
  );
  return issueSession(db, config, principal, row.storeName, associate.employeeId);
}

/** Trades a refresh token for a new pair; the old one is spent (rotation). */
export async function refreshSession(db: Db, config: AuthConfig, token: string): Promise<Session> {
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(
        and(
          eq(refreshTokens.tokenHash, hashRefreshToken(token)),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, new Date().toISOString()),
        ),
      )
      .returning();
    if (!spent) throw new HttpError(401, authErrorCodes.refreshInvalid, 'Sign in again with your PIN');
    const [row] = await tx
      .select({ associate: associates, storeName: stores.name })
      .from(associates)
      .innerJoin(stores, eq(stores.id, associates.storeId))
      .where(eq(associates.id, spent.associateId));
    if (!row || !row.associate.active) {
      throw new HttpError(401, authErrorCodes.refreshInvalid, 'Sign in again with your PIN');
    }
    const principal: Principal = {
      associateId: row.associate.id,
      storeId: row.associate.storeId,
      role: row.associate.role,
      deviceId: spent.deviceId,
      name: row.associate.name,
    };
    return issueSession(tx as unknown as Db, config, principal, row.storeName, row.associate.employeeId);
  });
}

export async function signOut(db: Db, principal: Principal, token: string | undefined): Promise<void> {
  if (token) {
    await db
      .update(refreshTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(
        and(
          eq(refreshTokens.tokenHash, hashRefreshToken(token)),
          eq(refreshTokens.associateId, principal.associateId),
        ),
      );
  }
  await recordAudit(
    db,
    {
      type: 'associate',
      id: principal.associateId,
      storeId: principal.storeId,
      deviceId: principal.deviceId,
    },
    {
      action: 'auth.signOut',
      entityType: 'associate',
      entityId: principal.associateId,
    },
  );
}
