import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import { delayedCounters, forgetCounters } from './db-store';
import { createLimiter, registerRateLimit, type Limiter } from './limiter';

declare module 'fastify' {
  interface FastifyInstance {
    /** The API's limiters, each under its own key prefix in rate_limits (ADR 0025). */
    limits: Limits;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Against guessing at the kiosks: wrong typed codes per order number, and per kiosk. */
export const CHECK_IN_LIMITS = {
  perOrder: 5,
  perKiosk: 30,
  windowSeconds: 15 * 60,
} as const;

/** Wrong pickup codes for one order at the counter, in a window; then only the QR pass. */
export const HANDOVER_CODE_LIMIT = { perOrder: 5, windowSeconds: 15 * 60 } as const;

/**
 * Every limit of the API in one place. A limiter refuses once more than `max` hits are counted
 * in its window; for the failure throttles the (max+1)-th failure starts a delay that doubles
 * with each further failure.
 */
export interface Limits {
  /** Wrong PINs and unknown employees from one client address, on devices not known for the account. */
  signInAddress: Limiter;
  /** Wrong PINs for one account from devices it never signed in on. */
  signInAccount: Limiter;
  /** Wrong PINs for one account on one of its usual devices: an outsider's guesses never touch it. */
  signInDevice: Limiter;
  /** Wrong typed codes per order number at the kiosks; past it only the QR pass is taken. */
  kioskOrder: Limiter;
  /** Wrong tries at one kiosk. */
  kioskDevice: Limiter;
  /**
   * Enrolment tries per client address. The signed, single-use code is the credential; this
   * only keeps a flood of guesses (or of signature checks) off the server.
   */
  kioskEnroll: Limiter;
  /** Reads and "I'm here" per signed curbside link. */
  curbsideRead: Limiter;
  curbsideArrive: Limiter;
  /** Wrong pickup codes per order at the counter; past it only the QR pass hands the order over. */
  handoverOrder: Limiter;
}

export const LIMIT_NAMES = {
  signInAccount: 'signin-account',
  signInDevice: 'signin-device',
} as const;

/** Registers @fastify/rate-limit with the database store and decorates the app with its limiters. */
export async function registerLimits(app: FastifyInstance, db: Db): Promise<Limits> {
  await registerRateLimit(app, db);
  const limits: Limits = {
    // Ten wrong PINs or unknown employees from one address go free.
    signInAddress: createLimiter(app, db, 'signin-address', {
      max: 9,
      windowMs: 30_000,
      backoff: { maxDelayMs: 15 * MINUTE, memoryMs: HOUR },
    }),
    // The fifth wrong PIN for an account (or on one device) starts the delay.
    signInAccount: createLimiter(app, db, LIMIT_NAMES.signInAccount, {
      max: 4,
      windowMs: MINUTE,
      backoff: { maxDelayMs: 15 * MINUTE, memoryMs: HOUR },
    }),
    signInDevice: createLimiter(app, db, LIMIT_NAMES.signInDevice, {
      max: 4,
      windowMs: 30_000,
      backoff: { maxDelayMs: 5 * MINUTE, memoryMs: HOUR },
    }),
    kioskOrder: createLimiter(app, db, 'kiosk-order', {
      max: CHECK_IN_LIMITS.perOrder - 1,
      windowMs: CHECK_IN_LIMITS.windowSeconds * 1000,
    }),
    kioskDevice: createLimiter(app, db, 'kiosk-device', {
      max: CHECK_IN_LIMITS.perKiosk - 1,
      windowMs: CHECK_IN_LIMITS.windowSeconds * 1000,
    }),
    kioskEnroll: createLimiter(app, db, 'kiosk-enroll', { max: 30, windowMs: 10 * MINUTE }),
    curbsideRead: createLimiter(app, db, 'curbside-read', { max: 120, windowMs: MINUTE }),
    curbsideArrive: createLimiter(app, db, 'curbside-arrive', { max: 20, windowMs: 10 * MINUTE }),
    handoverOrder: createLimiter(app, db, 'handover-order', {
      max: HANDOVER_CODE_LIMIT.perOrder - 1,
      windowMs: HANDOVER_CODE_LIMIT.windowSeconds * 1000,
    }),
  };
  app.decorate('limits', limits);
  return limits;
}

/** The store's associates whose PIN tries wait now (per account or on one of their devices). */
export async function lockedOutAssociates(db: Db, now = new Date()): Promise<Map<string, string>> {
  const until = new Map<string, string>();
  for (const prefix of [LIMIT_NAMES.signInAccount, LIMIT_NAMES.signInDevice]) {
    for (const row of await delayedCounters(db, `${prefix}:`, now)) {
      const associateId = row.key.slice(prefix.length + 1, prefix.length + 37);
      const known = until.get(associateId);
      if (!known || known < row.blockedUntil) until.set(associateId, row.blockedUntil);
    }
  }
  return until;
}

/** A manager lifts an associate's lock-out: every PIN count of the account, on every device. */
export async function liftLockOut(db: Db, associateId: string): Promise<number> {
  return forgetCounters(db, {
    keys: [`${LIMIT_NAMES.signInAccount}:${associateId}`],
    prefixes: [`${LIMIT_NAMES.signInDevice}:${associateId}:`],
  });
}
