import { formatSignedPass, passSigningInput } from '../../domain/signed-pickup-pass';
import type { PassKeyRing } from './pass-key-ring';

export interface IssuedPickupPass {
  /** The QR text, AISLE:PASS:2:… */
  text: string;
  keyId: string;
  /** ISO time, whole seconds: the pass carries Unix seconds. */
  issuedAt: string;
}

/**
 * Signs the pickup pass of an order with the ring's current key. Stateless: the same order may
 * get a pass for the screen and one for the ready-for-pickup e-mail, and both stay valid.
 */
export function issuePickupPass(
  keys: PassKeyRing,
  order: { storeId: string; number: string; pickupCode: string },
  now: Date = new Date(),
): IssuedPickupPass {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const fields = {
    storeCode: order.storeId,
    orderNumber: order.number,
    pickupCode: order.pickupCode,
    issuedAt,
    keyId: keys.keyId,
  };
  return {
    text: formatSignedPass(fields, keys.sign(passSigningInput(fields))),
    keyId: keys.keyId,
    issuedAt: new Date(issuedAt * 1000).toISOString(),
  };
}
