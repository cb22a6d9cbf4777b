import type { PassPublicKey } from '../../contract/passes';
import { decodeBase64Url } from '../../domain/base64url';
import { DomainError, isDomainError } from '../../domain/domain-error';
import { handoverErrorCodes, parsePickupInput, pickupDigestInput } from '../../domain/pickup-pass';
import { SIGNED_PASS_PREFIX, verifyPickupPass } from '../../domain/signed-pickup-pass';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import { readMeta } from '../../local-db/meta';

/** Why a device could not check a signed pass itself; the code printed on the pass still works. */
export const offlinePassErrorCodes = {
  unknownKey: 'pickupPass.unknownKey',
  cannotVerify: 'pickupPass.cannotVerify',
} as const;

/** What a device trusts a signed pass by: the chain's public keys and the replica's store. */
export interface PassTrust {
  passKeys: readonly PassPublicKey[];
  storeId?: string | undefined;
}

async function loadPassTrust(): Promise<PassTrust> {
  const meta = await readMeta();
  return { passKeys: meta.passKeys ?? [], storeId: meta.storeId };
}

const hasWebCrypto = () => typeof crypto !== 'undefined' && crypto.subtle !== undefined;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function checkDigest(order: { number: string; pickupCodeDigest: string }, code: string) {
  if ((await sha256Hex(pickupDigestInput(order.number, code))) !== order.pickupCodeDigest) {
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
 * only the SHA-256 of the code, never the code. A signed (v2) pass is accepted only once its
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
  if (input.startsWith(SIGNED_PASS_PREFIX)) {
    const held = typeof trust === 'function' ? await trust() : trust;
    await checkDigest(order, await checkSignedPass(input, order, held));
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
  await checkDigest(order, parsed.code);
}
