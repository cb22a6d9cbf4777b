import { verifyPickup } from './pickup-pass';
import { SIGNED_PASS_PREFIX, verifyPickupPass } from './signed-pickup-pass';
import type { PassSignatureVerifier } from './signed-pickup-pass';

/**
 * The authoritative handover check, for whoever holds the pickup code (the server): a signed
 * v2 pass must carry a real signature, this order, this store and this code; a v1 pass or a
 * typed code must carry this order's code. The signature check itself is the caller's
 * (node:crypto on the server), so the domain stays free of crypto.
 */
export async function checkPickup(
  raw: string,
  order: { number: string; storeCode: string; pickupCode: string },
  verify: PassSignatureVerifier,
): Promise<void> {
  if (raw.trim().startsWith(SIGNED_PASS_PREFIX)) {
    await verifyPickupPass(raw, order, verify);
    return;
  }
  verifyPickup(raw, order);
}
