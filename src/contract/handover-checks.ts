import { z } from 'zod';
import { dispositions } from '../domain/disposition';
import { idCheckReasons, idDocumentTypes } from '../domain/id-check';

/**
 * The handover at the counter (issue 15, points 4 and 5; ADR 0047): what intake flags for the ID
 * step, what an order shows of it, the store's age per product category, and the arguments of
 * the counter's commands. No image, full document number or birth date is ever stored.
 */

export const minimumAge = z.number().int().min(1).max(99);

export const intakeIdCheck = z
  .object({
    highValue: z.boolean().optional().describe('The ID step is needed because of the order’s value'),
    collector: z
      .object({ name: z.string().trim().min(2).max(120).describe('As it will read on their document') })
      .optional()
      .describe('A third party the customer named to collect the order'),
  })
  .describe(
    'Flags that call for the ID step at the handover. A line’s minimumAge, or the store’s age for its product category, flags it too.',
  );

/** Why the order needs the ID step, and its outcome once passed. */
export const idCheckView = z.object({
  reasons: z.array(z.enum(idCheckReasons)),
  minimumAge: z.number().nullable(),
  collectorName: z.string().nullable(),
  checkedAt: z.string().nullable(),
  documentType: z.enum(idDocumentTypes).nullable(),
  last4: z.string().nullable().describe('The last 4 characters of the document number, and no more'),
});
export type IdCheckView = z.infer<typeof idCheckView>;

export const categoryAge = z.object({
  category: z.string().trim().min(1).max(64),
  minimumAge,
});
export type CategoryAge = z.infer<typeof categoryAge>;

export const categoryAgesBody = z
  .object({
    ages: z
      .array(categoryAge)
      .max(200)
      .refine((ages) => new Set(ages.map((a) => a.category)).size === ages.length, {
        message: 'Name each category once',
      }),
  })
  .meta({ id: 'CategoryAges' });
export type CategoryAgesBody = z.infer<typeof categoryAgesBody>;

const orderId = z.uuid();
const lineUnits = z.object({ lineId: z.uuid(), qty: z.number().int().min(1).max(99) });

/** `order.handover` v1: the whole order. */
export const handoverArgsV1 = z.object({ orderId, code: z.string().trim().min(1).max(256) });

/** `order.handover` v2: the lines named now, or the whole order when none are named. */
export const handoverArgs = handoverArgsV1.extend({
  lines: z
    .array(lineUnits)
    .min(1)
    .max(100)
    .optional()
    .describe('Units handed over now; the rest stays staged. Absent: every staged unit'),
});
export type HandoverArgs = z.infer<typeof handoverArgs>;

export const MAX_REFUSED_UNITS = 200;

export const refuseItemsArgs = z.object({
  orderId,
  refusalId: z
    .uuid()
    .describe('Made on the device; the refund key derives from it, so a resend refunds once'),
  units: z
    .array(
      z.object({
        lineId: z.uuid(),
        productId: z
          .uuid()
          .optional()
          .describe(
            "The line's kept substitute, when the customer refuses it (v2); absent: the ordered product",
          ),
        reason: z.string().trim().min(1).max(40).describe('A return reason code'),
        disposition: z.enum(dispositions),
      }),
    )
    .min(1)
    .max(MAX_REFUSED_UNITS),
});
export type RefuseItemsArgs = z.infer<typeof refuseItemsArgs>;

export const checkIdArgs = z.object({
  orderId,
  documentType: z.enum(idDocumentTypes),
  last4: z.string().trim().min(1).max(8).describe('The last 4 characters of the document number'),
  dateOfBirth: z.iso
    .date()
    .optional()
    .describe('As on the document, for an age-restricted order; checked, never stored'),
  nameOnDocument: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .describe('For a third-party collection; compared, never stored'),
});
export type CheckIdArgs = z.infer<typeof checkIdArgs>;

/** POST /api/orders/:orderId/check-id: the same as the command, the order named by the path. */
export const checkIdBody = checkIdArgs.omit({ orderId: true });
