import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/*
 * Reading and naming Ed25519 keys for pickup passes. A device holds only the public half, as
 * the 32 raw bytes in base64url (what WebCrypto's importKey('raw') takes); the key id is
 * derived from those bytes, so two different keys can never share an id by mistake.
 */

const RAW_PUBLIC_KEY_BYTES = 32;

/** PKCS8 as PEM (literal "\n" allowed, for one-line env values) or as base64/base64url DER. */
export function readPrivateKey(text: string): KeyObject {
  const value = text.trim();
  let key: KeyObject;
  try {
    key = value.includes('-----BEGIN')
      ? createPrivateKey({ key: value.replaceAll('\\n', '\n'), format: 'pem' })
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('is not a PKCS8 private key (PEM, or base64 DER)');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

/** A public key from its 32 raw bytes in base64url. */
export function readRawPublicKey(base64Url: string): KeyObject {
  const bytes = Buffer.from(base64Url.trim(), 'base64url');
  if (bytes.length !== RAW_PUBLIC_KEY_BYTES || bytes.toString('base64url') !== base64Url.trim()) {
    throw new Error('a public key is 32 bytes of unpadded base64url');
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64Url.trim() }, format: 'jwk' });
}

/** Comma-separated raw public keys, for passes signed by keys the server no longer signs with. */
export function readRawPublicKeys(list: string): KeyObject[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(readRawPublicKey);
}

/** The 32 raw bytes of an Ed25519 public key (or of a private key's public half), base64url. */
export function rawPublicKey(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  if (!x) throw new Error('not an Ed25519 key');
  return x;
}

/** The first 8 characters of the base64url SHA-256 of the raw public key. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update(Buffer.from(rawPublicKey(key), 'base64url'))
    .digest('base64url')
    .slice(0, 8);
}
