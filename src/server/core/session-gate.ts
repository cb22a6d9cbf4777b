import { and, eq, isNull, sql } from 'drizzle-orm';
import { authErrorCodes } from '../../contract/error-codes';
import type { DatabaseHandle, Db } from '../db/client';
import { associates, authSessions, refreshTokens } from '../db/schema';
import { HttpError } from '../http-error';
import type { Principal } from './tokens';

/** The channel the auth_sessions and associates triggers NOTIFY on (migration 0011). */
export const SESSION_CHANNEL = 'aisle_session';

/** The session and its associate, by id: built once, sent as a named statement (ADR 0048). */
function sessionQuery(db: Db) {
  return db
    .select({
      associateId: authSessions.associateId,
      endedAt: authSessions.endedAt,
      active: associates.active,
      role: associates.role,
      storeId: associates.storeId,
    })
    .from(authSessions)
    .innerJoin(associates, eq(associates.id, authSessions.associateId))
    .where(eq(authSessions.id, sql.placeholder('sessionId')))
    .prepare('aisle_session_check');
}

interface Entry {
  /** The listener's epoch when read, while it listened (see SessionGate); undefined otherwise. */
  epoch: number | undefined;
  associateId: string;
  good: boolean;
  role: string;
  storeId: string;
  checkedAt: number;
}

const sessionEnded = () =>
  new HttpError(401, authErrorCodes.sessionEnded, 'This session has ended. Sign in again with your PIN.');

/**
 * Whether an access token's session still holds, checked on every signed-in request (ADR
 * 0026): ended (sign-out, a reused refresh token), the associate deactivated, moved to another
 * store or given another role. Each instance caches the answer for a few seconds; a NOTIFY on
 * aisle_session drops it at once, so a session ends on every instance within about a second.
 * A NOTIFY is only lost with the listening connection: an answer read while the listener has
 * not dropped since is kept `heardMaxAgeMs` (so a device's idle pulls a minute apart need no
 * database, ADR 0048); any other for `maxAgeMs`. When the connection drops, all are forgotten.
 */
export class SessionGate {
  private readonly cache = new Map<string, Entry>();
  private readonly sessionRow: ReturnType<typeof sessionQuery>;
  /** Refresh tokens whose access token this instance has seen, so it marks each once. */
  private readonly seen = new Set<string>();
  private stopListening: (() => Promise<void>) | undefined;
  /** Long-lived requests (event streams) to end when their session ends. */
  private readonly watchers = new Set<{ principal: Principal; ended: () => void }>();

  private listening = false;
  /** Bumped when the listening connection drops: answers read before may have missed a NOTIFY. */
  private epoch = 0;
  /** NOTIFYs heard: one during a lookup may concern the row just read, so that answer stays short. */
  private heard = 0;

  constructor(
    private readonly db: Db,
    private readonly maxAgeMs = 5_000,
    private readonly heardMaxAgeMs = 300_000,
  ) {
    this.sessionRow = sessionQuery(db);
  }

  async start(database: DatabaseHandle): Promise<void> {
    this.stopListening = await database.listen(
      SESSION_CHANNEL,
      (payload) => this.forget(payload),
      (listening) => {
        this.listening = listening;
        if (listening) return;
        this.epoch += 1;
        this.cache.clear();
      },
    );
    this.listening = true;
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = undefined;
    this.listening = false;
  }

  /** `session:<id>` or `associate:<id>`: the cached answers that may now be wrong. */
  forget(payload: string): void {
    this.heard += 1;
    const [kind, id] = payload.split(':');
    if (!id) return;
    if (kind === 'session') this.cache.delete(id);
    if (kind === 'associate') {
      for (const [sessionId, entry] of this.cache) if (entry.associateId === id) this.cache.delete(sessionId);
    }
    for (const watcher of this.watchers) {
      const { sessionId, associateId } = watcher.principal;
      if ((kind === 'session' && sessionId === id) || (kind === 'associate' && associateId === id)) {
        void this.recheck(watcher);
      }
    }
  }

  /**
   * Calls `ended` once when the principal's session no longer holds: at once on a NOTIFY, or
   * at the next `recheck` if the NOTIFY was lost. `stop` when the request ends.
   */
  watch(principal: Principal, ended: () => void): { stop: () => void; recheck: () => Promise<void> } {
    const watcher = { principal, ended };
    this.watchers.add(watcher);
    return { stop: () => this.watchers.delete(watcher), recheck: () => this.recheck(watcher) };
  }

  private async recheck(watcher: { principal: Principal; ended: () => void }): Promise<void> {
    try {
      await this.check(watcher.principal);
    } catch (error) {
      // Only a session that ended ends the stream; a database hiccup is checked again later.
      if (!(error instanceof HttpError) || !this.watchers.delete(watcher)) return;
      watcher.ended();
    }
  }

  async check(principal: Principal): Promise<void> {
    // A token from before sessions existed: the device refreshes it into one.
    if (!principal.sessionId) {
      throw new HttpError(
        401,
        authErrorCodes.tokenExpired,
        'The access token is from an older server; refresh it',
      );
    }
    const entry = await this.lookup(principal.sessionId);
    if (
      !entry ||
      !entry.good ||
      entry.associateId !== principal.associateId ||
      entry.role !== principal.role ||
      entry.storeId !== principal.storeId
    ) {
      throw sessionEnded();
    }
    if (principal.refreshId && !this.seen.has(principal.refreshId)) {
      // The device holds the refresh token this access token came with: its predecessor's
      // grace ends (auth-service.ts refreshSession).
      await this.db
        .update(refreshTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(refreshTokens.id, principal.refreshId), isNull(refreshTokens.usedAt)));
      if (this.seen.size > 100_000) this.seen.clear();
      this.seen.add(principal.refreshId);
    }
  }

  private async lookup(sessionId: string): Promise<Entry | undefined> {
    const cached = this.cache.get(sessionId);
    const now = Date.now();
    if (cached) {
      const heard = this.listening && cached.epoch === this.epoch;
      if (now - cached.checkedAt < (heard ? this.heardMaxAgeMs : this.maxAgeMs)) return cached;
    }
    const epoch = this.listening ? this.epoch : undefined;
    const heardBefore = this.heard;
    const [row] = await this.sessionRow.execute({ sessionId });
    if (!row) return undefined;
    const entry: Entry = {
      epoch: this.heard === heardBefore ? epoch : undefined,
      associateId: row.associateId,
      good: row.endedAt === null && row.active,
      role: row.role,
      storeId: row.storeId,
      checkedAt: now,
    };
    // Sized for the devices one process serves (about 15,000 per core), so it does not churn.
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(sessionId, entry);
    return entry;
  }
}
