import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PassPublicKey } from '../../contract/passes';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import type { Db } from '../db/client';
import { appMeta } from '../db/schema';
import { keyIdOf, rawPublicKey, readPrivateKey, readRawPublicKeys } from './pass-key-material';

const STORED_KEY = 'pass_signing_key';

/**
 * The server's pickup-pass keys: one signs new passes, and every key a pass still in a
 * customer's inbox may carry verifies. Devices get the public halves through the pull.
 */
export class PassKeyRing {
  readonly keyId: string;
  private readonly verifying: Map<string, KeyObject>;

  constructor(
    private readonly signing: KeyObject,
    retired: readonly KeyObject[] = [],
  ) {
    this.keyId = keyIdOf(signing);
    this.verifying = new Map(retired.map((key) => [keyIdOf(key), key]));
    this.verifying.set(this.keyId, this.signing);
  }

  /** The Ed25519 signature of the text, base64url (86 characters). */
  sign(signingInput: string): string {
    return sign(null, Buffer.from(signingInput, 'utf8'), this.signing).toString('base64url');
  }

  readonly verify: PassSignatureVerifier = (signingInput, signature, keyId) => {
    const key = this.verifying.get(keyId);
    if (!key) return false;
    try {
      return verify(null, Buffer.from(signingInput, 'utf8'), key, Buffer.from(signature, 'base64url'));
    } catch {
      return false; // a malformed signature is simply not a valid one
    }
  };

  /** What devices store to check passes offline: every key that still verifies. */
  publicKeys(): PassPublicKey[] {
    return [...this.verifying].map(([keyId, key]) => ({ keyId, publicKey: rawPublicKey(key) }));
  }
}

export interface PassKeySettings {
  PASS_SIGNING_KEY?: string | undefined;
  PASS_RETIRED_PUBLIC_KEYS?: string | undefined;
}

async function readStoredKey(db: Db): Promise<KeyObject | undefined> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, STORED_KEY));
  const value = row?.value as { pkcs8?: unknown } | undefined;
  return typeof value?.pkcs8 === 'string' ? readPrivateKey(value.pkcs8) : undefined;
}

/** The key generated on the first start and kept in app_meta. */
async function storedOrNewKey(db: Db): Promise<KeyObject> {
  const stored = await readStoredKey(db);
  if (stored) return stored;
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  // Two instances starting together: the first insert wins, both read the same row back.
  await db
    .insert(appMeta)
    .values({ key: STORED_KEY, value: { pkcs8: der } })
    .onConflictDoNothing();
  const kept = await readStoredKey(db);
  if (!kept) throw new Error('The pass signing key could not be stored');
  return kept;
}

/**
 * PASS_SIGNING_KEY when set, otherwise a key generated once and kept in the database, so passes
 * already sent stay valid across restarts and every instance over one database agrees. When
 * PASS_SIGNING_KEY replaces a stored key, the stored one keeps verifying the passes it signed.
 */
export async function loadPassKeyRing(db: Db, settings: PassKeySettings): Promise<PassKeyRing> {
  const retired = settings.PASS_RETIRED_PUBLIC_KEYS
    ? readRawPublicKeys(settings.PASS_RETIRED_PUBLIC_KEYS)
    : [];
  if (!settings.PASS_SIGNING_KEY) return new PassKeyRing(await storedOrNewKey(db), retired);
  const stored = await readStoredKey(db);
  return new PassKeyRing(readPrivateKey(settings.PASS_SIGNING_KEY), [
    ...retired,
    ...(stored ? [stored] : []),
  ]);
}
