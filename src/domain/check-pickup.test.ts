import { describe, expect, it } from 'vitest';
import { checkPickup } from './check-pickup';
import { pickupPassContent } from './pickup-pass';
import { formatSignedPass } from './signed-pickup-pass';

// The signature check is the caller's (real Ed25519 in app/handover/pickup-check.test.ts and the
// server's db tests); here a verifier answering true or false stands for it, to test the order of checks.
const order = { number: 'W1042', storeCode: 'MI01', pickupCode: '482913' };
const signature = 'A'.repeat(86);
const pass = (pickupCode = '482913') =>
  formatSignedPass(
    { storeCode: 'MI01', orderNumber: 'W1042', pickupCode, issuedAt: 1767225600, keyId: 'k1' },
    signature,
  );

describe('checkPickup', () => {
  it('checks a signed pass by its signature, then its code', async () => {
    await expect(checkPickup(pass(), order, () => true)).resolves.toBeUndefined();
    await expect(checkPickup(pass(), order, () => false)).rejects.toMatchObject({
      code: 'pickupPass.badSignature',
    });
    await expect(checkPickup(pass('111111'), order, () => true)).rejects.toMatchObject({
      code: 'handover.codeMismatch',
    });
  });

  it('keeps typed codes and v1 passes working, without asking for a signature', async () => {
    const never = () => {
      throw new Error('a v1 pass has no signature to check');
    };
    await expect(checkPickup(' 482913 ', order, never)).resolves.toBeUndefined();
    await expect(checkPickup(pickupPassContent('W1042', '482913'), order, never)).resolves.toBeUndefined();
    await expect(checkPickup('000000', order, never)).rejects.toMatchObject({
      code: 'handover.codeMismatch',
    });
  });
});
