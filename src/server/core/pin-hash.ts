import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { authErrorCodes } from '../../contract/error-codes';
import { HttpError } from '../http-error';
import { HashGate } from './hash-gate';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt is memory-hard (N·r·128 bytes = 16 MiB here), which is what makes a 4-digit PIN
// table costly to build; Node 20 ships it, while argon2 would need a native addon.
const PARAMS = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

function options(params: typeof PARAMS) {
  return { ...params, maxmem: 128 * params.N * params.r * 2 };
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_LENGTH, options(PARAMS));
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/**
 * PIN checks (40 ms of CPU each) run on half the machine's cores at most, one at least, so a
 * storm of sign-ins leaves the rest of the CPU and of libuv's four threads to the stores' work;
 * 64 waiting is about a second or two of queue, past which a sign-in is told to come back.
 */
export const pinCheckGate = new HashGate(Math.max(1, Math.floor(availableParallelism() / 2)), 64);
const RETRY_AFTER_SECONDS = 2;

export const signInBusy = () =>
  new HttpError(503, authErrorCodes.busy, 'Many people are signing in right now; try again in a moment', {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });

/** Checks a typed PIN against its stored hash, through `pinCheckGate` (503 auth.busy when full). */
export function verifyPin(pin: string, stored: string): Promise<boolean> {
  return pinCheckGate.run(() => comparePin(pin, stored), signInBusy);
}

async function comparePin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await scrypt(pin, Buffer.from(salt, 'base64url'), expected.length, options(params));
  return timingSafeEqual(actual, expected);
}

/** A hash of nothing in particular, checked when the employee is unknown so timing does not tell. */
export const decoyHash = hashPin('decoy-pin');
