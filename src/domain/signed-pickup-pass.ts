import { decodeBase64Url } from './base64url';
import { DomainError } from './domain-error';
import { handoverErrorCodes, sameCode } from './pickup-pass';

/*
 * Pickup pass v2: the text of the QR the customer shows, signed by the server with an
 * asymmetric key (Ed25519), so any handheld can tell a real pass from a forged one offline
 * with only the public key. v1 ("AISLE:PASS:1:<order>:<code>", pickup-pass.ts) is unsigned
 * and stays readable by parsePickupInput/verifyPickup for passes already sent; new passes
 * are v2, checked with verifyPickupPass. The signing and the Ed25519 check live outside the
 * domain (WebCrypto, node:crypto): here are the text, its signing input and the order checks.
 *
 *   AISLE:PASS:2:<store>:<order>:<code>:<issued>:<key id>:<signature>
 *   AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:k1:<86 base64url characters>
 *
 * The order number is percent-encoded (encodeURIComponent), so a ":" in it cannot shift the
 * fields. The signature covers everything before the last ":", the version prefix included.
 */
export const SIGNED_PASS_PREFIX = 'AISLE:PASS:2:';

export const signedPassErrorCodes = {
  badPrefix: 'pickupPass.badPrefix',
  missingField: 'pickupPass.missingField',
  badField: 'pickupPass.badField',
  badSignatureEncoding: 'pickupPass.badSignatureEncoding',
  badSignature: 'pickupPass.badSignature',
  wrongStore: 'pickupPass.wrongStore',
} as const;

type SignedPassErrorCode = (typeof signedPassErrorCodes)[keyof typeof signedPassErrorCodes];

export interface SignedPassFields {
  storeCode: string;
  orderNumber: string;
  pickupCode: string;
  /** Unix time in seconds when the server signed the pass. */
  issuedAt: number;
  /** Which of the server's signing keys, so keys can rotate while old passes still verify. */
  keyId: string;
}

export interface SignedPickupPass extends SignedPassFields {
  /** The exact text the signature covers. */
  signingInput: string;
  /** base64url, 64 bytes once decoded (Ed25519, or ECDSA P-256 as r‖s). */
  signature: string;
}

/** Checks a signature over the signing input with the public key named by keyId. */
export type PassSignatureVerifier = (
  signingInput: string,
  signatureBase64Url: string,
  keyId: string,
) => boolean | Promise<boolean>;

const SIGNATURE_BYTES = 64;
const patterns = {
  storeCode: /^[A-Z0-9]{1,16}$/,
  pickupCode: /^\d{6}$/,
  issuedAt: /^[1-9]\d{0,10}$/,
  keyId: /^[A-Za-z0-9_-]{1,32}$/,
};

function fail(code: SignedPassErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

function encodeOrderNumber(orderNumber: string): string {
  if (orderNumber.length < 1 || orderNumber.length > 32) {
    fail(signedPassErrorCodes.badField, 'An order number has 1 to 32 characters', { field: 'orderNumber' });
  }
  return encodeURIComponent(orderNumber);
}

function decodeOrderNumber(encoded: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return fail(signedPassErrorCodes.badField, 'Unreadable order number', { field: 'orderNumber' });
  }
  // One spelling per order number, so two texts never name the same pass.
  if (encodeOrderNumber(decoded) !== encoded) {
    fail(signedPassErrorCodes.badField, 'Order number not in canonical form', { field: 'orderNumber' });
  }
  return decoded;
}

function checkFields(fields: SignedPassFields): void {
  const bad = (Object.keys(patterns) as (keyof typeof patterns)[]).find(
    (field) => !patterns[field].test(String(fields[field])),
  );
  if (bad) fail(signedPassErrorCodes.badField, `Bad pass field ${bad}`, { field: bad });
}

/** The canonical text the server signs and a device verifies. */
export function passSigningInput(fields: SignedPassFields): string {
  checkFields(fields);
  const order = encodeOrderNumber(fields.orderNumber);
  return `${SIGNED_PASS_PREFIX}${fields.storeCode}:${order}:${fields.pickupCode}:${fields.issuedAt}:${fields.keyId}`;
}

/** The QR text: the signing input, ":", the signature the server made over it. */
export function formatSignedPass(fields: SignedPassFields, signatureBase64Url: string): string {
  if (decodeBase64Url(signatureBase64Url)?.length !== SIGNATURE_BYTES) {
    fail(signedPassErrorCodes.badSignatureEncoding, 'The signature is not 64 bytes of base64url');
  }
  return `${passSigningInput(fields)}:${signatureBase64Url}`;
}

/** Reads a v2 pass, strictly. The signature is decoded but not yet verified. */
export function parseSignedPass(text: string): SignedPickupPass {
  const pass = text.trim();
  if (!pass.startsWith(SIGNED_PASS_PREFIX)) fail(signedPassErrorCodes.badPrefix, 'Not a signed Aisle pass');
  const fields = pass.slice(SIGNED_PASS_PREFIX.length).split(':');
  if (fields.length < 6 || fields.some((field) => field === '')) {
    fail(signedPassErrorCodes.missingField, 'This pass is incomplete');
  }
  if (fields.length > 6) fail(signedPassErrorCodes.badField, 'This pass has fields Aisle does not know');
  const [storeCode = '', order = '', pickupCode = '', issuedAt = '', keyId = '', signature = ''] = fields;
  const parsed: SignedPassFields = {
    storeCode,
    orderNumber: decodeOrderNumber(order),
    pickupCode,
    issuedAt: patterns.issuedAt.test(issuedAt) ? Number(issuedAt) : Number.NaN,
    keyId,
  };
  checkFields(parsed);
  if (decodeBase64Url(signature)?.length !== SIGNATURE_BYTES) {
    fail(signedPassErrorCodes.badSignatureEncoding, 'The pass signature is not 64 bytes of base64url');
  }
  return { ...parsed, signingInput: pass.slice(0, pass.lastIndexOf(':')), signature };
}

/**
 * Checks a scanned v2 pass against the order at the counter: a real signature first (a forged
 * pass says nothing worth comparing), then this order, this store and, when the caller holds
 * it (the server does, a device only has its digest), this pickup code. Returns the pass.
 */
export async function verifyPickupPass(
  text: string,
  order: { number: string; storeCode?: string; pickupCode?: string },
  verify: PassSignatureVerifier,
): Promise<SignedPickupPass> {
  const pass = parseSignedPass(text);
  if (!(await verify(pass.signingInput, pass.signature, pass.keyId))) {
    fail(signedPassErrorCodes.badSignature, 'This pass was not issued by Aisle', { keyId: pass.keyId });
  }
  if (pass.orderNumber !== order.number) {
    throw new DomainError(handoverErrorCodes.wrongOrder, 'This pass belongs to another order', {
      passOrder: pass.orderNumber,
    });
  }
  if (order.storeCode !== undefined && pass.storeCode !== order.storeCode) {
    fail(signedPassErrorCodes.wrongStore, 'This pass is for another store', { passStore: pass.storeCode });
  }
  if (order.pickupCode !== undefined && !sameCode(pass.pickupCode, order.pickupCode)) {
    throw new DomainError(handoverErrorCodes.codeMismatch, 'The pickup code does not match this order');
  }
  return pass;
}
