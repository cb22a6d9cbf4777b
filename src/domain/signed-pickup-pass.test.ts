import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { domainErrorOf } from './domain-error-of';
import { parsePickupInput } from './pickup-pass';
import {
  formatSignedPass,
  parseSignedPass,
  passSigningInput,
  signedPassErrorCodes,
  verifyPickupPass,
} from './signed-pickup-pass';
import type { PassSignatureVerifier, SignedPassFields } from './signed-pickup-pass';

/*
 * Real Ed25519 through WebCrypto (the same API in the browser and in Node), as the app and the
 * server will use it; the domain code itself never touches crypto. The key is the secret key
 * of RFC 8032's test 1, so signatures are deterministic and the fixture below is stable.
 */
const rfc8032Seed = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const rfc8032PublicKey = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const pkcs8Prefix = '302e020100300506032b657004220420';
const hexBytes = (hex: string) => new Uint8Array(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
const utf8 = (text: string) => new TextEncoder().encode(text);

let serverKey: CryptoKey;
let serverPublicKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  serverKey = await crypto.subtle.importKey('pkcs8', hexBytes(pkcs8Prefix + rfc8032Seed), 'Ed25519', false, [
    'sign',
  ]);
  serverPublicKey = await crypto.subtle.importKey('raw', hexBytes(rfc8032PublicKey), 'Ed25519', false, [
    'verify',
  ]);
  const other = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair;
  otherKey = other.privateKey;
});

async function sign(key: CryptoKey, input: string): Promise<string> {
  return encodeBase64Url(new Uint8Array(await crypto.subtle.sign('Ed25519', key, utf8(input))));
}

async function issue(fields: SignedPassFields, key = serverKey): Promise<string> {
  return formatSignedPass(fields, await sign(key, passSigningInput(fields)));
}

/** The device side: public keys by id, as a device would hold them offline. */
const verifier: PassSignatureVerifier = async (input, signature, keyId) => {
  const bytes = decodeBase64Url(signature);
  return (
    keyId === 'k1' &&
    bytes !== undefined &&
    crypto.subtle.verify('Ed25519', serverPublicKey, bytes, utf8(input))
  );
};

const fields: SignedPassFields = {
  storeCode: 'MI01',
  orderNumber: 'MI01-000042',
  pickupCode: '048213',
  issuedAt: 1767225600, // 2026-01-01T00:00:00Z
  keyId: 'k1',
};
const order = { number: 'MI01-000042', storeCode: 'MI01', pickupCode: '048213' };
const goldenPass =
  'AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:k1:' +
  'K5HG6DF9R8PDhw3LPIUT-JIdLnvw3fJoE2hP6GNdE-GY02SjWYOJ5AeZxWPBj3eTw3o93klCfMwP0rIsWFtaAw';

describe('passSigningInput', () => {
  it('is the versioned text before the signature', () => {
    expect(passSigningInput(fields)).toBe('AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:k1');
  });

  it('percent-encodes the order number, so a ":" in it cannot shift the fields', () => {
    expect(passSigningInput({ ...fields, orderNumber: 'MI:2025:0042' })).toBe(
      'AISLE:PASS:2:MI01:MI%3A2025%3A0042:048213:1767225600:k1',
    );
  });

  it.each<[string, Partial<SignedPassFields>]>([
    ['a 5-digit code', { pickupCode: '48213' }],
    ['a lower-case store', { storeCode: 'mi01' }],
    ['a fractional time', { issuedAt: 1.5 }],
    ['a key id with a colon', { keyId: 'k:1' }],
    ['an empty order number', { orderNumber: '' }],
  ])('refuses %s', (_label, change) => {
    expect(domainErrorOf(() => passSigningInput({ ...fields, ...change })).code).toBe(
      signedPassErrorCodes.badField,
    );
  });
});

describe('formatSignedPass and parseSignedPass', () => {
  it('round-trips a pass signed with a real Ed25519 key', async () => {
    const text = await issue(fields);
    expect(text).toMatch(/^AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:k1:[A-Za-z0-9_-]{86}$/);
    // Ed25519 is deterministic: the RFC 8032 key always gives this pass, so the signing input is pinned.
    expect(text).toBe(goldenPass);
    const pass = parseSignedPass(`  ${text}\n`);
    expect(pass).toMatchObject(fields);
    expect(pass.signingInput).toBe(passSigningInput(fields));
  });

  it('round-trips order numbers with ":" and "%"', async () => {
    const odd = { ...fields, orderNumber: 'MI:2025:0042 50%' };
    expect(parseSignedPass(await issue(odd)).orderNumber).toBe('MI:2025:0042 50%');
  });

  it('refuses a signature that is not 64 bytes of base64url when formatting', () => {
    expect(domainErrorOf(() => formatSignedPass(fields, 'abc')).code).toBe(
      signedPassErrorCodes.badSignatureEncoding,
    );
  });

  const signature = encodeBase64Url(new Uint8Array(64).fill(7));
  const valid = `AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:k1:${signature}`;

  it.each([
    ['a v1 pass', 'AISLE:PASS:1:MI01-000042:048213', 'pickupPass.badPrefix'],
    ['a future version', valid.replace(':2:', ':3:'), 'pickupPass.badPrefix'],
    ['a lower-case prefix', valid.toLowerCase(), 'pickupPass.badPrefix'],
    ['no signature', valid.slice(0, valid.lastIndexOf(':')), 'pickupPass.missingField'],
    ['an empty signature', valid.slice(0, valid.lastIndexOf(':') + 1), 'pickupPass.missingField'],
    ['an empty store', valid.replace(':MI01:', '::'), 'pickupPass.missingField'],
    ['an extra field', `${valid}:x`, 'pickupPass.badField'],
    ['a bad percent escape', valid.replace('MI01-000042', 'MI01%E0%A4%A'), 'pickupPass.badField'],
    [
      'an order number spelled non-canonically',
      valid.replace('MI01-000042', '%4DI01-000042'),
      'pickupPass.badField',
    ],
    ['a letter in the code', valid.replace('048213', '04821B'), 'pickupPass.badField'],
    ['a time with a leading zero', valid.replace('1767225600', '01767225600'), 'pickupPass.badField'],
    ['a padded signature', `${valid}==`, 'pickupPass.badSignatureEncoding'],
    ['a standard-base64 signature', valid.slice(0, -1) + '+', 'pickupPass.badSignatureEncoding'],
    [
      'a 63-byte signature',
      valid.replace(signature, encodeBase64Url(new Uint8Array(63))),
      'pickupPass.badSignatureEncoding',
    ],
  ])('refuses %s', (_label, text, code) => {
    expect(domainErrorOf(() => parseSignedPass(text)).code).toBe(code);
  });
});

describe('verifyPickupPass', () => {
  it('accepts a pass the server signed for this order', async () => {
    await expect(verifyPickupPass(goldenPass, order, verifier)).resolves.toMatchObject({
      orderNumber: 'MI01-000042',
      pickupCode: '048213',
    });
  });

  it('accepts it offline without the pickup code (a device holds only its digest)', async () => {
    await expect(
      verifyPickupPass(await issue(fields), { number: order.number }, verifier),
    ).resolves.toBeDefined();
  });

  it('refuses a pass whose fields were edited after signing', async () => {
    const forged = (await issue(fields)).replace(':048213:', ':111111:');
    const error = await verifyPickupPass(forged, order, verifier).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: signedPassErrorCodes.badSignature });
  });

  it('refuses a pass signed with another key, or naming a key the device does not have', async () => {
    await expect(verifyPickupPass(await issue(fields, otherKey), order, verifier)).rejects.toMatchObject({
      code: 'pickupPass.badSignature',
    });
    await expect(
      verifyPickupPass(await issue({ ...fields, keyId: 'k9' }), order, verifier),
    ).rejects.toMatchObject({
      code: 'pickupPass.badSignature',
    });
  });

  it('refuses a real pass for another order, store or code, after checking the signature', async () => {
    const other = await issue({ ...fields, orderNumber: 'MI01-000043' });
    await expect(verifyPickupPass(other, order, verifier)).rejects.toMatchObject({
      code: 'handover.wrongOrder',
      details: { passOrder: 'MI01-000043' },
    });
    const otherStore = await issue({ ...fields, storeCode: 'MI02' });
    await expect(verifyPickupPass(otherStore, order, verifier)).rejects.toMatchObject({
      code: 'pickupPass.wrongStore',
    });
    // The code was regenerated after this pass was sent: the server, which knows the code, says no.
    await expect(
      verifyPickupPass(await issue(fields), { ...order, pickupCode: '999999' }, verifier),
    ).rejects.toMatchObject({
      code: 'handover.codeMismatch',
    });
  });

  it('takes a synchronous verifier too', async () => {
    await expect(verifyPickupPass(await issue(fields), order, () => false)).rejects.toMatchObject({
      code: 'pickupPass.badSignature',
    });
    await expect(verifyPickupPass(await issue(fields), order, () => true)).resolves.toBeDefined();
  });
});

describe('v1 and v2 side by side', () => {
  it('leaves v1 to parsePickupInput, which refuses v2 text as it refused unknown versions before', async () => {
    expect(parsePickupInput('AISLE:PASS:1:MI01-000042:048213')).toEqual({
      kind: 'pass',
      orderNumber: 'MI01-000042',
      code: '048213',
    });
    expect(domainErrorOf(() => parsePickupInput('AISLE:PASS:2:MI01:x')).code).toBe('handover.badPass');
  });
});
