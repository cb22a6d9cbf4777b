import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { keyIdOf, rawPublicKey, readPrivateKey, readRawPublicKeys } from './pass-key-material';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

describe('pass key material', () => {
  it('reads a PKCS8 key as PEM, one-line PEM or base64 DER, all to the same key id', () => {
    const id = keyIdOf(publicKey);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(keyIdOf(readPrivateKey(pem))).toBe(id);
    expect(keyIdOf(readPrivateKey(pem.replaceAll('\n', '\\n')))).toBe(id);
    expect(keyIdOf(readPrivateKey(der))).toBe(id);
    expect(rawPublicKey(privateKey)).toHaveLength(43);
  });

  it('refuses what is not an Ed25519 private key', () => {
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(() => readPrivateKey(x25519.toString())).toThrow(/Ed25519/);
    expect(() => readPrivateKey('not a key')).toThrow(/PKCS8/);
    expect(() => readRawPublicKeys(`${rawPublicKey(publicKey)},AAAA`)).toThrow(/32 bytes/);
  });

  it('is checked with the rest of the environment at start-up', () => {
    expect(parseEnv({ NODE_ENV: 'development', PASS_SIGNING_KEY: der }).PASS_SIGNING_KEY).toBe(der);
    expect(parseEnv({ NODE_ENV: 'development', PASS_SIGNING_KEY: '' }).PASS_SIGNING_KEY).toBeUndefined();
    expect(() =>
      parseEnv({ NODE_ENV: 'development', PASS_SIGNING_KEY: 'nope', PASS_RETIRED_PUBLIC_KEYS: 'x' }),
    ).toThrow(/PASS_SIGNING_KEY: .*PKCS8[\s\S]*PASS_RETIRED_PUBLIC_KEYS: .*32 bytes/);
  });
});
