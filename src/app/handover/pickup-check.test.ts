import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pickupDigestInput, pickupPassContent } from '../../domain/pickup-pass';
import { checkPickupOffline } from './pickup-check';

const order = {
  number: 'W1042',
  pickupCodeDigest: createHash('sha256').update(pickupDigestInput('W1042', '482913')).digest('hex'),
};

describe('checkPickupOffline', () => {
  it('accepts the right code, typed or in the QR pass', async () => {
    await expect(checkPickupOffline(' 482913 ', order)).resolves.toBeUndefined();
    await expect(checkPickupOffline(pickupPassContent('W1042', '482913'), order)).resolves.toBeUndefined();
  });

  it('refuses a wrong code, another order’s pass and a foreign QR, with the server’s codes', async () => {
    await expect(checkPickupOffline('111111', order)).rejects.toMatchObject({
      code: 'handover.codeMismatch',
    });
    await expect(checkPickupOffline(pickupPassContent('W9999', '482913'), order)).rejects.toMatchObject({
      code: 'handover.wrongOrder',
    });
    await expect(checkPickupOffline('AISLE:OTHER:1', order)).rejects.toMatchObject({
      code: 'handover.badPass',
    });
  });
});
