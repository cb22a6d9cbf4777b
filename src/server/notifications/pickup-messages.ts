import type { Block, EmailContent } from './email-layout';
import { formatDateTime, groupedCode, openingHoursRows, spelledCode } from './message-format';
import { PermanentNotificationError, type NotificationContext } from './notification-context';
import { substitutionBlocks } from './substitution-messages';

/** The content id the QR image is attached under; the HTML shows it as cid:… */
export const PICKUP_PASS_CID = 'pickup-pass@aisle';

export interface MessageParts {
  email: EmailContent | null;
  sms: string | null;
}

/** When the store stops holding the order: ready time plus the store's hold, in its time zone. */
function heldUntil(ctx: NotificationContext): { date: string; time: string } {
  const readyAt = ctx.order.readyAt ? new Date(ctx.order.readyAt) : new Date();
  const until = new Date(readyAt.getTime() + ctx.store.pickupHoldDays * 86_400_000);
  return formatDateTime(until, ctx.store.timezone, ctx.language);
}

const where = (ctx: NotificationContext) =>
  `${ctx.store.name}, ${ctx.store.address}, ${ctx.store.postcode} ${ctx.store.city}`;

/** The QR pass, the code in words, and the opening hours: how the customer collects. */
function collectBlocks(ctx: NotificationContext): Block[] {
  const it = ctx.language === 'it';
  const blocks: Block[] = [];
  if (ctx.pickupPass) {
    blocks.push({
      type: 'qr',
      cid: PICKUP_PASS_CID,
      alt: it
        ? `Codice QR del pass di ritiro dell'ordine ${ctx.order.number}`
        : `QR code of your pickup pass for order ${ctx.order.number}`,
      caption: it
        ? 'Al banco mostra questo codice QR oppure comunica il codice di ritiro.'
        : 'At the counter, show this QR code or tell us your pickup code.',
      passText: ctx.pickupPass,
      passLabel: it ? 'Pass di ritiro' : 'Pickup pass',
    });
  }
  blocks.push({
    type: 'code',
    label: it ? 'Codice di ritiro' : 'Pickup code',
    code: groupedCode(ctx.order.pickupCode),
    spoken: spelledCode(ctx.order.pickupCode),
  });
  blocks.push({
    type: 'table',
    caption: it ? 'Orari di apertura' : 'Opening hours',
    rows: openingHoursRows(ctx.store.openingHours, ctx.language).map((row) => ({
      head: row.days,
      value: row.hours,
    })),
  });
  return blocks;
}

/** The link to the curbside page: the customer can stay in the car and say where it is. */
function curbsideBlocks(ctx: NotificationContext): Block[] {
  if (!ctx.curbsideUrl) return [];
  const it = ctx.language === 'it';
  return [
    {
      type: 'link',
      text: it
        ? 'Preferisci restare in auto? Quando arrivi al parcheggio, diccelo e te lo portiamo noi.'
        : "Rather stay in your car? When you reach the car park, tell us and we'll bring it out.",
      label: it ? 'Sono arrivato: ritiro in auto' : "I'm here: curbside pickup",
      href: ctx.curbsideUrl,
    },
  ];
}

export function readyForPickup(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const until = heldUntil(ctx);
  const code = groupedCode(ctx.order.pickupCode);
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Il tuo ordine ${number} è pronto per il ritiro`
        : `Your order ${number} is ready for pickup`,
      heading: it ? 'Il tuo ordine è pronto' : 'Your order is ready',
      greeting: it ? `Ciao ${ctx.order.customerName},` : `Hello ${ctx.order.customerName},`,
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `il tuo ordine ${number} è pronto per il ritiro presso ${where(ctx)}.`
            : `Your order ${number} is ready for pickup at ${where(ctx)}.`,
        },
        ...substitutionBlocks(ctx),
        ...collectBlocks(ctx),
        ...curbsideBlocks(ctx),
        {
          type: 'paragraph',
          text: it
            ? `Lo teniamo da parte fino a ${until.date} alle ${until.time}; dopo tornerà in vendita.`
            : `We keep it for you until ${until.date} at ${until.time}; after that it goes back on sale.`,
        },
      ],
      signature: it ? `Grazie, ${ctx.store.name}` : `Thank you, ${ctx.store.name}`,
    },
    sms:
      (it
        ? `Aisle: l'ordine ${number} è pronto da ${ctx.store.name}. Codice di ritiro ${code}. Ritiro entro ${until.date}.`
        : `Aisle: order ${number} is ready at ${ctx.store.name}. Pickup code ${code}. Collect by ${until.date}.`) +
      curbsideSms(ctx),
  };
}

/** The curbside page's link as a text message's last sentence, when there is a link. */
function curbsideSms(ctx: NotificationContext): string {
  if (!ctx.curbsideUrl) return '';
  return ctx.language === 'it'
    ? ` Ritiro in auto: quando arrivi, apri ${ctx.curbsideUrl}`
    : ` Curbside pickup: when you arrive, open ${ctx.curbsideUrl}`;
}

/**
 * The curbside link by text, for a customer who got the ready e-mail and also gave a phone:
 * in the car park, a text is closer to hand than an e-mail.
 */
export function curbsideLink(ctx: NotificationContext): MessageParts {
  if (!ctx.curbsideUrl) {
    throw new PermanentNotificationError('No curbside link to send: PUBLIC_URL is not set');
  }
  const { number } = ctx.order;
  return {
    email: null,
    sms:
      ctx.language === 'it'
        ? `Aisle: l'ordine ${number} è pronto da ${ctx.store.name}. Preferisci restare in auto? Quando arrivi al parcheggio, apri ${ctx.curbsideUrl} e te lo portiamo noi.`
        : `Aisle: order ${number} is ready at ${ctx.store.name}. Rather stay in your car? When you reach the car park, open ${ctx.curbsideUrl} and we'll bring it out.`,
  };
}

export function pickupReminder(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const until = heldUntil(ctx);
  const code = groupedCode(ctx.order.pickupCode);
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Promemoria: l'ordine ${number} ti aspetta fino a ${until.date}`
        : `Reminder: order ${number} is waiting for you until ${until.date}`,
      heading: it ? 'Il tuo ordine ti aspetta ancora' : 'Your order is still waiting for you',
      greeting: it ? `Ciao ${ctx.order.customerName},` : `Hello ${ctx.order.customerName},`,
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `il tuo ordine ${number} ti aspetta presso ${where(ctx)}. Lo teniamo da parte fino a ${until.date} alle ${until.time}; dopo tornerà in vendita.`
            : `Your order ${number} is waiting for you at ${where(ctx)}. We keep it until ${until.date} at ${until.time}; after that it goes back on sale.`,
        },
        ...collectBlocks(ctx),
      ],
      signature: it ? `Grazie, ${ctx.store.name}` : `Thank you, ${ctx.store.name}`,
    },
    sms: it
      ? `Aisle: l'ordine ${number} ti aspetta da ${ctx.store.name} fino a ${until.date} alle ${until.time}. Codice di ritiro ${code}.`
      : `Aisle: order ${number} waits for you at ${ctx.store.name} until ${until.date} at ${until.time}. Pickup code ${code}.`,
  };
}

export function orderExpired(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const expiredAt = typeof ctx.payload.expiredAt === 'string' ? new Date(ctx.payload.expiredAt) : new Date();
  const when = formatDateTime(expiredAt, ctx.store.timezone, ctx.language);
  return {
    email: {
      language: ctx.language,
      subject: it ? `Il tuo ordine ${number} non è stato ritirato` : `Your order ${number} was not collected`,
      heading: it ? 'Il tuo ordine non è stato ritirato' : 'Your order was not collected',
      greeting: it ? `Ciao ${ctx.order.customerName},` : `Hello ${ctx.order.customerName},`,
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `abbiamo tenuto da parte il tuo ordine ${number} presso ${ctx.store.name} fino a ${when.date} alle ${when.time}, ma non è stato ritirato: lo abbiamo annullato e gli articoli sono tornati in vendita.`
            : `We kept your order ${number} at ${ctx.store.name} until ${when.date} at ${when.time}, but it was not collected, so we have cancelled it and the items are back on sale.`,
        },
        {
          type: 'paragraph',
          text: it
            ? "Se lo avevi già pagato, l'importo tornerà sul metodo di pagamento che hai usato."
            : 'If you had already paid, the money goes back to the payment method you used.',
        },
        {
          type: 'paragraph',
          text: it
            ? 'Ti serve ancora? Puoi ordinarlo di nuovo sul nostro sito.'
            : 'Still want it? You can order it again on our website.',
        },
      ],
      signature: it ? `Grazie, ${ctx.store.name}` : `Thank you, ${ctx.store.name}`,
    },
    sms: it
      ? `Aisle: l'ordine ${number} non è stato ritirato in tempo ed è stato annullato.`
      : `Aisle: order ${number} was not collected in time and has been cancelled.`,
  };
}
