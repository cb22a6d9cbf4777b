import { DomainError, isDomainError } from '../../domain/domain-error';
import { handoverErrorCodes, parsePickupInput, pickupDigestInput } from '../../domain/pickup-pass';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks a typed code or a scanned pass against the order with no network: the replica holds
 * only the SHA-256 of the code, never the code. Throws the DomainError the server would send.
 * Without WebCrypto (a page served over plain http) the server alone decides.
 */
export async function checkPickupOffline(
  raw: string,
  order: { number: string; pickupCodeDigest: string },
): Promise<void> {
  let input;
  try {
    input = parsePickupInput(raw);
  } catch (error) {
    throw isDomainError(error) ? error : new DomainError(handoverErrorCodes.badPass, 'Unreadable pass');
  }
  if (input.kind === 'pass' && input.orderNumber !== order.number) {
    throw new DomainError(handoverErrorCodes.wrongOrder, 'This pass belongs to another order');
  }
  if (typeof crypto === 'undefined' || !crypto.subtle) return;
  if ((await sha256Hex(pickupDigestInput(order.number, input.code))) !== order.pickupCodeDigest) {
    throw new DomainError(handoverErrorCodes.codeMismatch, 'The pickup code does not match this order');
  }
}
