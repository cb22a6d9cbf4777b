import { z } from 'zod';

/** A public key that verifies signed pickup passes (Ed25519), as a device stores it offline. */
export const passPublicKey = z
  .object({
    keyId: z.string().describe('The key id a v2 pass names'),
    publicKey: z.string().describe('The 32 raw bytes of the Ed25519 public key, unpadded base64url'),
  })
  .meta({ id: 'PassPublicKey' });
export type PassPublicKey = z.infer<typeof passPublicKey>;

/**
 * A signed pickup pass of an order, and what a printed pass shows beside its QR code. The code
 * is in the QR for the scanner, never spelled out to the associate who opens the pass.
 */
export const pickupPassResponse = z
  .object({
    text: z.string().describe('The QR text: AISLE:PASS:2:<store>:<order>:<code>:<issued>:<key id>:<sig>'),
    keyId: z.string(),
    issuedAt: z.string().describe('ISO time the server signed the pass (whole seconds)'),
    orderNumber: z.string(),
    customerName: z.string(),
    store: z.object({
      id: z.string(),
      name: z.string(),
      address: z.string(),
      postcode: z.string(),
      city: z.string(),
    }),
  })
  .meta({ id: 'PickupPass' });
export type PickupPassResponse = z.infer<typeof pickupPassResponse>;
