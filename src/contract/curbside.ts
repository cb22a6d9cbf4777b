import { z } from 'zod';

/** Printable text only: what a customer types lands in associates' alerts and the audit. */
const shortText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}<>]*$/u, 'must be plain text');

export const curbsideParams = z.object({ token: z.string().min(1).max(128) });

export const curbsideArrivalBody = z
  .object({
    parkingSpot: shortText(16),
    make: shortText(40),
    colour: shortText(30),
    plate: z
      .string()
      .trim()
      .max(12)
      .regex(/^[\p{L}\p{N} -]*$/u, 'letters, digits, spaces and dashes')
      .optional(),
  })
  .meta({ id: 'CurbsideArrivalBody' });
export type CurbsideArrivalBody = z.infer<typeof curbsideArrivalBody>;

export const curbsideView = z
  .object({
    orderNumber: z.string(),
    storeName: z.string(),
    language: z.enum(['it', 'en']),
    state: z.enum(['waiting', 'arrived', 'onTheWay', 'handedOver', 'closed']),
    parkingSpot: z.string().nullable(),
    vehicle: z.string().nullable(),
    items: z
      .array(
        z.object({
          nameIt: z.string(),
          nameEn: z.string(),
          collected: z.number(),
          refused: z.number(),
          waiting: z.number(),
        }),
      )
      .optional()
      .describe('After a partial handover or a refusal at the counter: what left, was refused, still waits'),
    substitutions: z
      .array(
        z.object({
          orderedEn: z.string(),
          orderedIt: z.string(),
          substituteEn: z.string(),
          substituteIt: z.string(),
          qty: z.number(),
          status: z.enum(['picked', 'pending', 'accepted', 'declined']),
        }),
      )
      .optional()
      .describe('What came instead of what, and what was removed and refunded (issue 15)'),
  })
  .meta({ id: 'CurbsideView' });
export type CurbsideView = z.infer<typeof curbsideView>;

/** The curbside link of a ready order, for an associate to show as a QR or copy. */
export const curbsideLink = z
  .object({
    url: z.string().describe("The customer's curbside page; the same link the ready e-mail and text carry"),
    expiresAt: z.string().describe('When the store stops holding the order, and the link stops working'),
  })
  .meta({ id: 'CurbsideLink' });
export type CurbsideLink = z.infer<typeof curbsideLink>;

/** How the car reads in the associates' alert: "red Fiat · AB123CD". */
export function vehicleText(body: CurbsideArrivalBody): string {
  const plate = body.plate?.trim();
  return `${body.colour} ${body.make}${plate ? ` · ${plate.toUpperCase()}` : ''}`;
}
