import type { PassPublicKey } from '../contract/passes';
import { decodeBase64Url } from '../domain/base64url';
import { DomainError, isDomainError } from '../domain/domain-error';
import {
  handoverErrorCodes,
  parsePickupInput,
  PICKUP_DIGEST_PREFIX,
  pickupDigestInput,
} from '../domain/pickup-pass';
import { SIGNED_PASS_PREFIX, verifyPickupPass } from '../domain/signed-pickup-pass';
import type { PassSignatureVerifier } from '../domain/signed-pickup-pass';
import { readMeta } from './meta';
import { offlinePassErrorCodes } from '../contract/device-error-codes';

/** Why a device could not check a signed pass itself; the code printed on the pass still works. */
export { offlinePassErrorCodes };

/**
 * What a device trusts a pickup proof by: the chain's public keys and the replica's store for
 * signed passes, and the store's pickup-code keys (key id → base64url) for typed codes.
 */
export interface PassTrust {
  passKeys: readonly PassPublicKey[];
  storeId?: string | undefined;
  pickupCodeKeys?: Readonly<Record<string, string>> | undefined;
}

async function loadPassTrust(): Promise<PassTrust> {
  const meta = await readMeta();
  return { passKeys: meta.passKeys ?? [], storeId: meta.storeId, pickupCodeKeys: meta.pickupCodeKeys };
}

const hasWebCrypto = () => typeof crypto !== 'undefined' && crypto.subtle !== undefined;

const hmacKeys = new Map<string, Promise<CryptoKey>>();

function importHmacKey(key: string): Promise<CryptoKey> {
  let imported = hmacKeys.get(key);
  if (!imported) {
    const bytes = decodeBase64Url(key);
    imported = bytes
      ? crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      : Promise.reject(new Error('Unreadable pickup-code key'));
    hmacKeys.set(key, imported);
    imported.catch(() => hmacKeys.delete(key));
  }
  return imported;
}

async function hmacHex(key: string, text: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await importHmacKey(key), new TextEncoder().encode(text));
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Compares the code's keyed hash with the replica's (`hmac1:<keyId>:<hex>`). Without the key
 * of that id (a device that has not pulled since the month began), or with an unkeyed digest
 * from an older server, the device cannot tell: the server decides when the handover syncs.
 */
async function checkDigest(
  order: { number: string; pickupCodeDigest: string },
  code: string,
  keys: Readonly<Record<string, string>> | undefined,
) {
  const digest = order.pickupCodeDigest;
  if (!digest.startsWith(PICKUP_DIGEST_PREFIX)) return;
  const [keyId, expected] = digest.slice(PICKUP_DIGEST_PREFIX.length).split(':');
  const key = keyId ? keys?.[keyId] : undefined;
  if (!key || !expected) return;
  let actual: string;
  try {
    actual = await hmacHex(key, pickupDigestInput(order.number, code));
  } catch {
    return;
  }
  if (actual !== expected) {
    throw new DomainError(handoverErrorCodes.codeMismatch, 'The pickup code does not match this order');
  }
}

const imported = new Map<string, Promise<CryptoKey>>();

function importPublicKey(publicKey: string): Promise<CryptoKey> {
  let key = imported.get(publicKey);
  if (!key) {
    const bytes = decodeBase64Url(publicKey);
    key = bytes
      ? crypto.subtle.importKey('raw', bytes, { name: 'Ed25519' }, false, ['verify'])
      : Promise.reject(new Error('Unreadable public key'));
    imported.set(publicKey, key);
    key.catch(() => imported.delete(publicKey));
  }
  return key;
}

/** Ed25519 through WebCrypto against the stored keys; a browser without Ed25519 cannot tell. */
function webCryptoVerifier(passKeys: readonly PassPublicKey[]): PassSignatureVerifier {
  return async (signingInput, signature, keyId) => {
    const known = passKeys.find((key) => key.keyId === keyId);
    if (!known) {
      throw new DomainError(offlinePassErrorCodes.unknownKey, 'This device does not know the pass key', {
        keyId,
      });
    }
    const bytes = decodeBase64Url(signature);
    if (!bytes) return false;
    let key: CryptoKey;
    try {
      key = await importPublicKey(known.publicKey);
    } catch {
      throw new DomainError(offlinePassErrorCodes.cannotVerify, 'This browser cannot check Ed25519');
    }
    try {
      return await crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        bytes,
        new TextEncoder().encode(signingInput),
      );
    } catch {
      throw new DomainError(offlinePassErrorCodes.cannotVerify, 'This browser cannot check Ed25519');
    }
  };
}

/** A signed pass: a real signature, this order, this store; answers the code it carries. */
async function checkSignedPass(text: string, order: { number: string }, trust: PassTrust) {
  if (!hasWebCrypto()) {
    throw new DomainError(offlinePassErrorCodes.cannotVerify, 'No WebCrypto to check the pass with');
  }
  const pass = await verifyPickupPass(
    text,
    { number: order.number, ...(trust.storeId ? { storeCode: trust.storeId } : {}) },
    webCryptoVerifier(trust.passKeys),
  );
  return pass.pickupCode;
}

/**
 * Checks a typed code or a scanned pass against the order with no network: the replica holds
 * only a keyed hash of the code (HMAC under the store's monthly key), never the code. A signed (v2) pass is accepted only once its
 * signature verified against a key from the pull, so a forged pass is refused offline too.
 * Throws the DomainError the server would send. Without WebCrypto (a page served over plain
 * http) a typed code or a v1 pass is left for the server alone to decide.
 */
export async function checkPickupOffline(
  raw: string,
  order: { number: string; pickupCodeDigest: string },
  trust: PassTrust | (() => Promise<PassTrust>) = loadPassTrust,
): Promise<void> {
  const input = raw.trim();
  const held = () => (typeof trust === 'function' ? trust() : Promise.resolve(trust));
  if (input.startsWith(SIGNED_PASS_PREFIX)) {
    const known = await held();
    await checkDigest(order, await checkSignedPass(input, order, known), known.pickupCodeKeys);
    return;
  }
  let parsed;
  try {
    parsed = parsePickupInput(input);
  } catch (error) {
    throw isDomainError(error) ? error : new DomainError(handoverErrorCodes.badPass, 'Unreadable pass');
  }
  if (parsed.kind === 'pass' && parsed.orderNumber !== order.number) {
    throw new DomainError(handoverErrorCodes.wrongOrder, 'This pass belongs to another order');
  }
  if (!hasWebCrypto()) return;
  await checkDigest(order, parsed.code, (await held()).pickupCodeKeys);
}
