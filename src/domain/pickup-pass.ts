import { DomainError } from './domain-error';

export const handoverErrorCodes = {
  codeMismatch: 'handover.codeMismatch',
  wrongOrder: 'handover.wrongOrder',
  badPass: 'handover.badPass',
  /** Too many wrong codes for this order lately: only the QR pass hands it over now (server only). */
  tooManyTries: 'handover.tooManyTries',
} as const;

const PASS_PREFIX = 'AISLE:PASS:1:';

/**
 * The text inside the QR pass that the customer receives with "ready for pickup", v1: it is
 * unsigned, so anyone who knows an order number and its code can draw one.
 * parsePickupInput and verifyPickup keep reading it (and typed codes) for passes already sent;
 * a v2 "AISLE:PASS:2:" pass is signed and read by signed-pickup-pass.ts instead.
 */
export function pickupPassContent(orderNumber: string, pickupCode: string): string {
  return `${PASS_PREFIX}${orderNumber}:${pickupCode}`;
}

export type PickupInput =
  { kind: 'code'; code: string } | { kind: 'pass'; orderNumber: string; code: string };

/** A typed code, or a scanned pass; anything else that looks like a pass is refused. */
export function parsePickupInput(raw: string): PickupInput {
  const input = raw.trim();
  if (!input.toUpperCase().startsWith('AISLE:')) return { kind: 'code', code: input };
  if (!input.startsWith(PASS_PREFIX)) {
    throw new DomainError(handoverErrorCodes.badPass, 'This pass is not one Aisle can read');
  }
  const rest = input.slice(PASS_PREFIX.length);
  const split = rest.lastIndexOf(':');
  if (split <= 0 || split === rest.length - 1)
    throw new DomainError(handoverErrorCodes.badPass, 'This pass is incomplete');
  return { kind: 'pass', orderNumber: rest.slice(0, split), code: rest.slice(split + 1) };
}

/** Compares in constant time per character so a timing side channel does not leak the code. */
export function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Checks that the customer at the counter holds this order's pickup code or pass. */
export function verifyPickup(raw: string, order: { number: string; pickupCode: string }): void {
  const input = parsePickupInput(raw);
  if (input.kind === 'pass' && input.orderNumber !== order.number) {
    throw new DomainError(handoverErrorCodes.wrongOrder, 'This pass belongs to another order', {
      passOrder: input.orderNumber,
    });
  }
  if (!sameCode(input.code, order.pickupCode)) {
    throw new DomainError(handoverErrorCodes.codeMismatch, 'The pickup code does not match this order');
  }
}

/**
 * What a device hashes to check a pickup code offline. The replica carries only a keyed hash
 * of this text (`hmac1:<keyId>:<hex>`, HMAC-SHA256 under a per-store monthly key that signed-in
 * devices receive), never the code, and the server checks the code again when the handover syncs.
 */
/** How a keyed pickup-code digest starts; anything else is an older, unkeyed one. */
export const PICKUP_DIGEST_PREFIX = 'hmac1:';

export function pickupDigestInput(orderNumber: string, pickupCode: string): string {
  return `aisle-pickup:${orderNumber}:${pickupCode}`;
}
