import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Session, SignInBody } from '../../contract/auth';
import { authErrorCodes } from '../../contract/error-codes';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { associates, refreshTokens, stores } from '../db/schema';
import { HttpError } from '../http-error';
import { checkPin } from './pin-check';
import type { Principal, TokenService } from './tokens';
import { hashRefreshToken, newRefreshToken } from './tokens';

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

export async function signIn(db: Db, config: AuthConfig, body: SignInBody): Promise<Session> {
  const [row] = await db
    .select({ associate: associates, storeName: stores.name })
    .from(associates)
    .innerJoin(stores, eq(stores.id, associates.storeId))
    .where(and(eq(associates.storeId, body.storeId), eq(associates.employeeId, body.employeeId)));
  const associate = await checkPin(db, row?.associate, body.pin);
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
  return issueSession(db, config, principal, row?.storeName ?? '', associate.employeeId);
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
