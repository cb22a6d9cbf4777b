import { z } from 'zod';
import { layoutEmail } from './email-layout';
import { PermanentNotificationError, type NotificationContext } from './notification-context';
import {
  itemsRefused,
  lineCancelled,
  lineRerouted,
  partiallyCollected,
  refundIssued,
  shipped,
} from './order-messages';
import { pickupPassPng } from './pickup-pass-png';
import { substitutionRequest } from './substitution-messages';
import {
  curbsideLink,
  orderExpired,
  pickupReminder,
  PICKUP_PASS_CID,
  readyForPickup,
  type MessageParts,
} from './pickup-messages';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Shown inline by the HTML as cid:… */
  cid: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html?: string;
  attachments: MailAttachment[];
}

/** A message in both forms; null where the kind has no such form. */
export interface RenderedNotification {
  email: RenderedEmail | null;
  sms: string | null;
}

const templates: Record<string, (ctx: NotificationContext) => MessageParts> = {
  ready_for_pickup: readyForPickup,
  curbside_link: curbsideLink,
  pickup_reminder: pickupReminder,
  order_expired: orderExpired,
  shipped,
  refundIssued,
  line_rerouted: lineRerouted,
  line_cancelled: lineCancelled,
  substitution_request: substitutionRequest,
  partially_collected: partiallyCollected,
  items_refused: itemsRefused,
};

/** The kinds whose message carries the signed pickup pass as a QR code. */
export const kindsWithPickupPass: ReadonlySet<string> = new Set(['ready_for_pickup', 'pickup_reminder']);

/** The kinds that carry the curbside page's link. */
export const kindsWithCurbsideLink: ReadonlySet<string> = new Set(['ready_for_pickup', 'curbside_link']);

/** The kinds about an order waiting on the shelf: sent late, after it left it, they are noise. */
export const kindsForReadyOrders: ReadonlySet<string> = new Set([...kindsWithPickupPass, 'curbside_link']);

/** The notification kinds the notifier can send. */
export const notificationKinds: readonly string[] = [...Object.keys(templates), 'returnReceipt'];

/** Written in full by the returns feature (src/server/returns): sent as it is, by e-mail only. */
const returnReceiptPayload = z.object({
  subject: z.string().min(1),
  text: z.string().min(1),
  html: z.string().optional(),
});

export async function renderNotification(ctx: NotificationContext): Promise<RenderedNotification> {
  if (ctx.kind === 'returnReceipt') {
    const parsed = returnReceiptPayload.safeParse(ctx.payload);
    if (!parsed.success) throw new PermanentNotificationError('returnReceipt: malformed payload');
    const { subject, text, html } = parsed.data;
    return { email: { subject, text, ...(html ? { html } : {}), attachments: [] }, sms: null };
  }
  const template = templates[ctx.kind];
  if (!template) throw new PermanentNotificationError(`No template for notifications of kind ${ctx.kind}`);
  const parts = template(ctx);
  if (!parts.email) return { email: null, sms: parts.sms };
  const withPass = ctx.pickupPass && kindsWithPickupPass.has(ctx.kind);
  return {
    email: {
      ...layoutEmail(parts.email),
      attachments: withPass
        ? [
            {
              filename: 'pickup-pass.png',
              content: await pickupPassPng(ctx.pickupPass!),
              contentType: 'image/png',
              cid: PICKUP_PASS_CID,
            },
          ]
        : [],
    },
    sms: parts.sms,
  };
}
