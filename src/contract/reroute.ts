import { z } from 'zod';

/**
 * `order.reroute` v1: after a short pick, the short units of one line move to another store as
 * a new order of the same customer journey. The device makes the id, so a resend is idempotent.
 */
export const rerouteArgs = z.object({
  rerouteId: z
    .uuid()
    .describe(
      'Made on the device; the new order takes the external id reroute-<id>, so a resend is idempotent',
    ),
  orderId: z.uuid(),
  lineId: z.uuid(),
  toStoreId: z.string().min(1).max(16).describe('The store that has the short units available'),
});
export type RerouteArgs = z.infer<typeof rerouteArgs>;

/** `order.cancelLine` v1: the short units stay cancelled and the customer is told. */
export const cancelLineArgs = z.object({ orderId: z.uuid(), lineId: z.uuid() });
export type CancelLineArgs = z.infer<typeof cancelLineArgs>;

/** What an applied `order.reroute` answers (also for a resend). */
export const rerouteResult = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  storeId: z.string(),
});
export type RerouteResult = z.infer<typeof rerouteResult>;
