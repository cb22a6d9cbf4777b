import { createHmac, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PassPublicKey } from '../contract/passes';
import { encodeBase64Url } from '../domain/base64url';
import { pickupDigestInput, pickupPassContent } from '../domain/pickup-pass';
import { formatSignedPass, passSigningInput } from '../domain/signed-pickup-pass';
import type { SignedPassFields } from '../domain/signed-pickup-pass';
import { checkPickupOffline, type PassTrust } from './pickup-check';

// The store's pickup-code key of the order's month, as the pull delivers it (base64url).
const monthKey = randomBytes(32);
const pickupCodeKeys = { '2026-12': monthKey.toString('base64url') };
const order = {
  number: 'W1042',
  pickupCodeDigest: `hmac1:2026-12:${createHmac('sha256', monthKey)
    .update(pickupDigestInput('W1042', '482913'))
    .digest('hex')}`,
};
const codeTrust: PassTrust = { passKeys: [], pickupCodeKeys };

describe('checkPickupOffline', () => {
  it('accepts the right code, typed or in the QR pass', async () => {
    await expect(checkPickupOffline(' 482913 ', order, codeTrust)).resolves.toBeUndefined();
    await expect(
      checkPickupOffline(pickupPassContent('W1042', '482913'), order, codeTrust),
    ).resolves.toBeUndefined();
  });

  it('refuses a wrong code, another order’s pass and a foreign QR, with the server’s codes', async () => {
    await expect(checkPickupOffline('111111', order, codeTrust)).rejects.toMatchObject({
      code: 'handover.codeMismatch',
    });
    await expect(
      checkPickupOffline(pickupPassContent('W9999', '482913'), order, codeTrust),
    ).rejects.toMatchObject({
      code: 'handover.wrongOrder',
    });
    await expect(checkPickupOffline('AISLE:OTHER:1', order, codeTrust)).rejects.toMatchObject({
      code: 'handover.badPass',
    });
  });

  it('cannot reverse the digest without the key: a device lacking it leaves the code to the server', async () => {
    // What the replica holds says nothing on its own: every code is as likely without the key.
    const otherKey = { '2026-12': randomBytes(32).toString('base64url') };
    await expect(
      checkPickupOffline('482913', order, { passKeys: [], pickupCodeKeys: otherKey }),
    ).rejects.toMatchObject({ code: 'handover.codeMismatch' });
    await expect(checkPickupOffline('111111', order, { passKeys: [] })).resolves.toBeUndefined();
    await expect(
      checkPickupOffline('111111', order, {
        passKeys: [],
        pickupCodeKeys: { '2026-11': pickupCodeKeys['2026-12'] },
      }),
    ).resolves.toBeUndefined();
  });
});

/*
 * Signed passes with real Ed25519 keys: the server's (whose public half the device holds, as
 * the pull delivers it) and a forger's. The device holds no secret, only public keys.
 */
describe('checkPickupOffline with a signed (v2) pass', () => {
  let server: CryptoKeyPair;
  let forger: CryptoKeyPair;
  let trust: PassTrust;
  const utf8 = (text: string) => new TextEncoder().encode(text);

  beforeAll(async () => {
    server = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair;
    forger = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', server.publicKey));
    const passKeys: PassPublicKey[] = [{ keyId: 'k1', publicKey: encodeBase64Url(raw) }];
    trust = { passKeys, storeId: 'MI01', pickupCodeKeys };
  });

  const fields = (overrides: Partial<SignedPassFields> = {}): SignedPassFields => ({
    storeCode: 'MI01',
    orderNumber: 'W1042',
    pickupCode: '482913',
    issuedAt: 1767225600,
    keyId: 'k1',
    ...overrides,
  });

  async function issue(f: SignedPassFields, key = server.privateKey): Promise<string> {
    const signature = await crypto.subtle.sign('Ed25519', key, utf8(passSigningInput(f)));
    return formatSignedPass(f, encodeBase64Url(new Uint8Array(signature)));
  }

  it('accepts a pass the server signed for this order and store, with the right code', async () => {
    await expect(checkPickupOffline(await issue(fields()), order, trust)).resolves.toBeUndefined();
    // The trust is read lazily from the device's storage in the app.
    await expect(
      checkPickupOffline(await issue(fields()), order, async () => trust),
    ).resolves.toBeUndefined();
  });

  it('refuses a forged pass and an altered one: the signature does not verify', async () => {
    await expect(
      checkPickupOffline(await issue(fields(), forger.privateKey), order, trust),
    ).rejects.toMatchObject({ code: 'pickupPass.badSignature' });
    const genuine = await issue(fields({ pickupCode: '111111' }));
    const altered = genuine.replace(':111111:', ':482913:');
    expect(altered).not.toBe(genuine);
    await expect(checkPickupOffline(altered, order, trust)).rejects.toMatchObject({
      code: 'pickupPass.badSignature',
    });
  });

  it('refuses a key the device does not hold, or when it holds none yet', async () => {
    const otherKey = await issue(fields({ keyId: 'k9' }));
    await expect(checkPickupOffline(otherKey, order, trust)).rejects.toMatchObject({
      code: 'pickupPass.unknownKey',
    });
    await expect(
      checkPickupOffline(await issue(fields()), order, { passKeys: [], storeId: 'MI01' }),
    ).rejects.toMatchObject({ code: 'pickupPass.unknownKey' });
  });

  it('refuses a genuine pass of another order or store, or with a code that does not match', async () => {
    await expect(
      checkPickupOffline(await issue(fields({ orderNumber: 'W9999' })), order, trust),
    ).rejects.toMatchObject({ code: 'handover.wrongOrder' });
    await expect(
      checkPickupOffline(await issue(fields({ storeCode: 'MZ01' })), order, trust),
    ).rejects.toMatchObject({ code: 'pickupPass.wrongStore' });
    await expect(
      checkPickupOffline(await issue(fields({ pickupCode: '000000' })), order, trust),
    ).rejects.toMatchObject({ code: 'handover.codeMismatch' });
  });

  it('refuses a damaged pass before looking at its signature', async () => {
    const genuine = await issue(fields());
    await expect(
      checkPickupOffline(genuine.slice(0, genuine.lastIndexOf(':')), order, trust),
    ).rejects.toMatchObject({ code: 'pickupPass.missingField' });
    await expect(checkPickupOffline(`${genuine.slice(0, -2)}!!`, order, trust)).rejects.toMatchObject({
      code: 'pickupPass.badSignatureEncoding',
    });
  });
});
