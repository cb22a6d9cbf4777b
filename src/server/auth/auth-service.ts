import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Session, SignInBody } from '../../contract/auth';
import { authErrorCodes } from '../../contract/error-codes';
import { recordAudit } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { associates, authSessions, refreshTokens, stores } from '../db/schema';
import { HttpError } from '../http-error';
import type { Limits } from '../rate-limit/limits';
import { checkPin, rememberDevice } from '../core/pin-check';
import type { Principal, TokenService } from '../core/tokens';
import { hashRefreshToken, newRefreshToken } from '../core/tokens';

export interface AuthConfig {
  tokens: TokenService;
  refreshTtlDays: number;
}

const refreshInvalid = () => new HttpError(401, authErrorCodes.refreshInvalid, 'Sign in again with your PIN');

async function issueSession(
  db: Executor,
  config: AuthConfig,
  principal: Principal & { sessionId: string },
  storeName: string,
  employeeId: string,
  parentId: string | null = null,
) {
  const refresh = newRefreshToken();
  const refreshExpiresAt = new Date(Date.now() + config.refreshTtlDays * 86_400_000);
  const [row] = await db
    .insert(refreshTokens)
    .values({
      associateId: principal.associateId,
      storeId: principal.storeId,
      deviceId: principal.deviceId,
      tokenHash: refresh.hash,
      expiresAt: refreshExpiresAt.toISOString(),
      sessionId: principal.sessionId,
      parentId,
    })
    .returning({ id: refreshTokens.id });
  const access = await config.tokens.issueAccess({ ...principal, refreshId: row?.id });
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

async function startSession(db: Executor, principal: Omit<Principal, 'sessionId'>): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({ associateId: principal.associateId, storeId: principal.storeId, deviceId: principal.deviceId })
    .returning({ id: authSessions.id });
  if (!row) throw new Error('The session could not be stored');
  return row.id;
}

/**
 * Ends a session: its access tokens are refused on every instance within seconds (the
 * auth_sessions trigger NOTIFYs, ADR 0026) and its refresh tokens are spent.
 */
export async function endSession(db: Executor, sessionId: string, reason: string): Promise<void> {
  const now = new Date().toISOString();
  await db
    .update(authSessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.endedAt)));
  await db
    .update(refreshTokens)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(refreshTokens.sessionId, sessionId), isNull(refreshTokens.revokedAt)));
}

export interface SignInContext {
  limits: Limits;
  /** The client address (request.ip, right behind a proxy once TRUST_PROXY says so). */
  ip: string;
}

export async function signIn(
  db: Db,
  config: AuthConfig,
  body: SignInBody,
  context: SignInContext,
): Promise<Session> {
  const [row] = await db
    .select({ associate: associates, storeName: stores.name })
    .from(associates)
    .innerJoin(stores, eq(stores.id, associates.storeId))
    .where(and(eq(associates.storeId, body.storeId), eq(associates.employeeId, body.employeeId)));
  const associate = await checkPin(db, context.limits, row?.associate, body.pin, {
    ip: context.ip,
    deviceId: body.deviceId,
  });
  await rememberDevice(db, associate.id, body.deviceId);
  const principal: Principal = {
    associateId: associate.id,
    storeId: associate.storeId,
    role: associate.role,
    deviceId: body.deviceId,
    name: associate.name,
  };
  const sessionId = await startSession(db, principal);
  await recordAudit(
    db,
    { type: 'associate', id: associate.id, storeId: associate.storeId, deviceId: body.deviceId },
    {
      action: 'auth.signIn',
      entityType: 'associate',
      entityId: associate.id,
    },
  );
  return issueSession(db, config, { ...principal, sessionId }, row?.storeName ?? '', associate.employeeId);
}

type RefreshOutcome =
  { session: Session } | { reuse: { sessionId: string; associateId: string; storeId: string } };

/**
 * Trades a refresh token for a new pair; the old one is spent (rotation, ADR 0026).
 * - A spent token whose successor the device never used (not presented, its access token never
 *   seen) is taken once more, and that successor retired: the device lost the new token
 *   (killed right after a renewal) and must not be asked for the PIN for it.
 * - Any other spent token is a reuse: the whole session (family) ends, and 401.
 */
export async function refreshSession(db: Db, config: AuthConfig, token: string): Promise<Session> {
  const outcome = await db.transaction(async (tx): Promise<RefreshOutcome> => {
    const now = new Date().toISOString();
    const [presented] = await tx
      .select()
      .from(refreshTokens)
      .where(and(eq(refreshTokens.tokenHash, hashRefreshToken(token)), gt(refreshTokens.expiresAt, now)))
      .for('update');
    if (!presented) throw refreshInvalid();
    const [row] = await tx
      .select({ associate: associates, storeName: stores.name })
      .from(associates)
      .innerJoin(stores, eq(stores.id, associates.storeId))
      .where(eq(associates.id, presented.associateId));
    if (!row || !row.associate.active) throw refreshInvalid();
    let sessionId = presented.sessionId;
    if (sessionId) {
      const [session] = await tx.select().from(authSessions).where(eq(authSessions.id, sessionId));
      if (!session || session.endedAt) throw refreshInvalid();
    }
    if (presented.revokedAt) {
      if (!sessionId || presented.revokeReason !== 'rotated') throw refreshInvalid();
      const [live] = await tx
        .select()
        .from(refreshTokens)
        .where(and(eq(refreshTokens.parentId, presented.id), isNull(refreshTokens.revokedAt)));
      if (!live || live.usedAt) {
        await endSession(tx, sessionId, 'refreshReuse');
        return { reuse: { sessionId, associateId: presented.associateId, storeId: presented.storeId } };
      }
      // The grace: the successor was never used, so the device never kept it.
      await tx
        .update(refreshTokens)
        .set({ revokedAt: now, revokeReason: 'superseded' })
        .where(eq(refreshTokens.id, live.id));
    } else {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: now, revokeReason: 'rotated', usedAt: presented.usedAt ?? now })
        .where(eq(refreshTokens.id, presented.id));
    }
    const principal: Principal = {
      associateId: row.associate.id,
      storeId: row.associate.storeId,
      role: row.associate.role,
      deviceId: presented.deviceId,
      name: row.associate.name,
    };
    // A token from before sessions existed starts one.
    sessionId ??= await startSession(tx, principal);
    return {
      session: await issueSession(
        tx,
        config,
        { ...principal, sessionId },
        row.storeName,
        row.associate.employeeId,
        presented.id,
      ),
    };
  });
  if ('session' in outcome) return outcome.session;
  await recordAudit(
    db,
    { type: 'system', id: null, storeId: outcome.reuse.storeId, deviceId: null },
    {
      action: 'auth.refreshReuse',
      entityType: 'associate',
      entityId: outcome.reuse.associateId,
      details: { sessionId: outcome.reuse.sessionId },
    },
  );
  throw refreshInvalid();
}

/** Ends the session of the access token (and that of the refresh token sent, if another). */
export async function signOut(db: Db, principal: Principal, token: string | undefined): Promise<void> {
  if (principal.sessionId) await endSession(db, principal.sessionId, 'signedOut');
  if (token) {
    const [row] = await db
      .select({ id: refreshTokens.id, sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.tokenHash, hashRefreshToken(token)),
          eq(refreshTokens.associateId, principal.associateId),
        ),
      );
    if (row?.sessionId) await endSession(db, row.sessionId, 'signedOut');
    else if (row) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: new Date().toISOString(), revokeReason: 'signedOut' })
        .where(eq(refreshTokens.id, row.id));
    }
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
