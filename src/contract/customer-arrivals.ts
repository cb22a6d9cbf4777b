import { z } from 'zod';

/**
 * A customer who said "I'm here" (issue 7): at the counter kiosk, or outside in the car. Devices
 * of the store receive them in the pull (and a poke at once), and alert the associates.
 */
export const customerArrival = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    customerName: z.string(),
    kind: z.enum(['counter', 'curbside']),
    parkingSpot: z.string().nullable(),
    vehicle: z.string().nullable(),
    arrivedAt: z.string(),
    acknowledgedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    acknowledgedAt: z.string().nullable(),
    handedOverAt: z.string().nullable(),
  })
  .meta({ id: 'CustomerArrival' });
export type CustomerArrival = z.infer<typeof customerArrival>;
