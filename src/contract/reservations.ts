import { z } from 'zod';
import { MAX_CUSTOMER_NAME, MAX_RESERVATION_QTY } from '../domain/reservation';
import { languages } from './orders';

/**
 * `stock.reserveElsewhere` v1: an associate reserves a product at another store for a walk-in
 * customer, from the stock lookup. The device makes the ids and the pickup code, so the
 * customer leaves with the code even when the device is offline. The customer's details are
 * checked by the domain (src/domain/reservation.ts) and refused with stable codes, not here.
 */
export const reserveElsewhereArgs = z.object({
  reservationId: z
    .uuid()
    .describe(
      'Made on the device; the order takes an external id derived from it, so a resend is idempotent',
    ),
  storeId: z.string().min(1).max(16).describe('The other store, where the customer collects'),
  productId: z.uuid(),
  qty: z.number().int().min(1).max(MAX_RESERVATION_QTY),
  customer: z.object({
    name: z.string().max(MAX_CUSTOMER_NAME),
    phone: z.string().max(32).optional().describe('As typed; stored in E.164'),
    email: z.string().max(254).optional(),
    language: z.enum(languages).describe('For the messages the customer gets'),
  }),
  pickupCode: z
    .string()
    .regex(/^\d{6}$/, 'Pickup code must be 6 digits')
    .describe('Made on the device (crypto.getRandomValues) and given to the customer at once'),
});
export type ReserveElsewhereArgs = z.infer<typeof reserveElsewhereArgs>;

/** What an applied `stock.reserveElsewhere` answers (also for a resend). */
export const reserveElsewhereResult = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  storeId: z.string(),
});
export type ReserveElsewhereResult = z.infer<typeof reserveElsewhereResult>;
