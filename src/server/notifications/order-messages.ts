import { z } from 'zod';
import { formatMoney } from './message-format';
import { PermanentNotificationError, type NotificationContext } from './notification-context';
import type { MessageParts } from './pickup-messages';

function payloadOf<T extends z.ZodType>(schema: T, ctx: NotificationContext): z.infer<T> {
  const parsed = schema.safeParse(ctx.payload);
  if (!parsed.success) {
    throw new PermanentNotificationError(
      `${ctx.kind}: malformed payload (${parsed.error.issues[0]?.message})`,
    );
  }
  return parsed.data;
}

const greeting = (ctx: NotificationContext) =>
  ctx.language === 'it' ? `Ciao ${ctx.order.customerName},` : `Hello ${ctx.order.customerName},`;
const signature = (ctx: NotificationContext) =>
  ctx.language === 'it' ? `Grazie, ${ctx.store.name}` : `Thank you, ${ctx.store.name}`;
const productName = (ctx: NotificationContext, sku: string) =>
  ctx.productNames.get(sku)?.[ctx.language] ?? sku;

const shippedPayload = z.object({
  carrierName: z.string().nullish(),
  trackingNumbers: z.array(z.string()).default([]),
});

export function shipped(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const { carrierName, trackingNumbers } = payloadOf(shippedPayload, ctx);
  const many = trackingNumbers.length > 1;
  const carrier = carrierName ? (it ? ` con ${carrierName}` : ` with ${carrierName}`) : '';
  return {
    email: {
      language: ctx.language,
      subject: it ? `Il tuo ordine ${number} è in viaggio` : `Your order ${number} is on its way`,
      heading: it ? 'Il tuo ordine è stato spedito' : 'Your order has shipped',
      greeting: greeting(ctx),
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `il tuo ordine ${number} è partito da ${ctx.store.name}${carrier}.`
            : `Your order ${number} has left ${ctx.store.name}${carrier}.`,
        },
        ...(trackingNumbers.length > 0
          ? [
              {
                type: 'list' as const,
                label: it
                  ? many
                    ? 'Numeri di tracciamento'
                    : 'Numero di tracciamento'
                  : many
                    ? 'Tracking numbers'
                    : 'Tracking number',
                items: trackingNumbers,
              },
              {
                type: 'paragraph' as const,
                text: it
                  ? `${many ? 'Usali' : 'Usalo'} sul sito del corriere per seguire la spedizione${many ? ': ogni pacco ha il suo numero' : ''}.`
                  : `Use ${many ? 'them' : 'it'} on the carrier's website to follow your ${many ? 'parcels: each has its own number' : 'parcel'}.`,
              },
            ]
          : []),
      ],
      signature: signature(ctx),
    },
    sms: it
      ? `Aisle: l'ordine ${number} è stato spedito${carrier}. Tracciamento: ${trackingNumbers.join(', ') || '-'}.`
      : `Aisle: order ${number} has shipped${carrier}. Tracking: ${trackingNumbers.join(', ') || '-'}.`,
  };
}

const refundPayload = z.object({
  number: z.string(),
  refundCents: z.number().int(),
  currency: z.string().length(3).optional(),
});

export function refundIssued(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const refund = payloadOf(refundPayload, ctx);
  const amount = formatMoney(refund.refundCents, refund.currency ?? ctx.order.currency, ctx.language);
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Rimborso di ${amount} per il reso ${refund.number}`
        : `Refund of ${amount} for your return ${refund.number}`,
      heading: it ? 'Il tuo rimborso è in arrivo' : 'Your refund is on its way',
      greeting: greeting(ctx),
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `abbiamo rimborsato ${amount} per il reso ${refund.number} dell'ordine ${ctx.order.number}, sul metodo di pagamento usato per l'ordine.`
            : `We have refunded ${amount} for your return ${refund.number} of order ${ctx.order.number}, to the payment method you used for the order.`,
        },
        {
          type: 'paragraph',
          text: it
            ? 'A seconda della banca, potrebbero volerci alcuni giorni lavorativi prima di vederlo.'
            : 'Depending on your bank, it may take a few working days to show.',
        },
      ],
      signature: signature(ctx),
    },
    sms: it
      ? `Aisle: abbiamo rimborsato ${amount} per il reso ${refund.number} dell'ordine ${ctx.order.number}.`
      : `Aisle: we have refunded ${amount} for return ${refund.number} of order ${ctx.order.number}.`,
  };
}

const reroutedPayload = z.object({
  sku: z.string(),
  qty: z.number().int(),
  storeName: z.string(),
  orderNumber: z.string(),
});

export function lineRerouted(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const line = payloadOf(reroutedPayload, ctx);
  const item = `${line.qty} × ${productName(ctx, line.sku)}`;
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Parte del tuo ordine ${number} arriva da un altro negozio`
        : `Part of your order ${number} comes from another store`,
      heading: it
        ? 'Parte del tuo ordine arriva da un altro negozio'
        : 'Part of your order comes from another store',
      greeting: greeting(ctx),
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `${item} non era disponibile presso ${ctx.store.name}. Lo prepara per te ${line.storeName}, come ordine ${line.orderNumber}: ti avviseremo quando sarà pronto.`
            : `${item} was not available at ${ctx.store.name}. ${line.storeName} is preparing it for you as order ${line.orderNumber}, and we will tell you when it is ready.`,
        },
        {
          type: 'paragraph',
          text: it
            ? 'Il resto del tuo ordine procede come previsto.'
            : 'The rest of your order goes ahead as planned.',
        },
      ],
      signature: signature(ctx),
    },
    sms: it
      ? `Aisle: ${item} dell'ordine ${number} arriva da ${line.storeName} come ordine ${line.orderNumber}.`
      : `Aisle: ${item} of order ${number} comes from ${line.storeName} as order ${line.orderNumber}.`,
  };
}

const cancelledLinePayload = z.object({ sku: z.string(), qty: z.number().int() });

export function lineCancelled(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const line = payloadOf(cancelledLinePayload, ctx);
  const item = `${line.qty} × ${productName(ctx, line.sku)}`;
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Un articolo del tuo ordine ${number} non è disponibile`
        : `An item of your order ${number} is not available`,
      heading: it ? 'Un articolo non è disponibile' : 'An item is not available',
      greeting: greeting(ctx),
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `ci dispiace: ${item} non è disponibile presso ${ctx.store.name}, quindi lo abbiamo tolto dal tuo ordine ${number}. Non ti verrà addebitato.`
            : `We are sorry: ${item} is not available at ${ctx.store.name}, so we have removed it from your order ${number}. You will not pay for it.`,
        },
        {
          type: 'paragraph',
          text: it
            ? 'Il resto del tuo ordine procede come previsto.'
            : 'The rest of your order goes ahead as planned.',
        },
      ],
      signature: signature(ctx),
    },
    sms: it
      ? `Aisle: ${item} dell'ordine ${number} non è disponibile ed è stato tolto dall'ordine.`
      : `Aisle: ${item} of order ${number} is not available and was removed from the order.`,
  };
}

const unitsOfLines = z.array(z.object({ sku: z.string(), qty: z.number().int() }));
const partlyCollectedPayload = z.object({ lines: unitsOfLines, staged: unitsOfLines });

/** The customer took part of the order at the counter; the rest waits for them (ADR 0047). */
export function partiallyCollected(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const { lines, staged } = payloadOf(partlyCollectedPayload, ctx);
  const list = (units: z.infer<typeof unitsOfLines>) =>
    units.map((u) => `${u.qty} × ${productName(ctx, u.sku)}`).join(', ');
  return {
    email: {
      language: ctx.language,
      subject: it ? `Hai ritirato parte dell'ordine ${number}` : `You collected part of your order ${number}`,
      heading: it ? 'Parte del tuo ordine ti aspetta ancora' : 'Part of your order still waits for you',
      greeting: greeting(ctx),
      blocks: [
        {
          type: 'paragraph',
          text: it ? `Hai ritirato: ${list(lines)}.` : `You collected: ${list(lines)}.`,
        },
        {
          type: 'paragraph',
          text: it
            ? `Ti aspetta ancora presso ${ctx.store.name}: ${list(staged)}. Mostra lo stesso codice di ritiro quando passi.`
            : `Still waiting for you at ${ctx.store.name}: ${list(staged)}. Show the same pickup code when you come.`,
        },
      ],
      signature: signature(ctx),
    },
    sms: it
      ? `Aisle: hai ritirato parte dell'ordine ${number}. Ti aspetta ancora: ${list(staged)}.`
      : `Aisle: you collected part of order ${number}. Still waiting for you: ${list(staged)}.`,
  };
}

/** A refused kept substitute carries its own names: it is no product of the order's lines. */
const refusedUnits = z.array(
  z.object({
    sku: z.string(),
    qty: z.number().int(),
    nameEn: z.string().optional(),
    nameIt: z.string().optional(),
  }),
);
const refusedPayload = z.object({
  refused: refusedUnits,
  staged: unitsOfLines,
  refundCents: z.number().int().nullish(),
  currency: z.string().length(3).optional(),
});

/** Units refused at the counter, and what still waits: the pickup e-mail after a refusal (ADR 0047). */
export function itemsRefused(ctx: NotificationContext): MessageParts {
  const it = ctx.language === 'it';
  const { number } = ctx.order;
  const { refused, staged, refundCents, currency } = payloadOf(refusedPayload, ctx);
  const list = (units: z.infer<typeof refusedUnits>) =>
    units.map((u) => `${u.qty} × ${(it ? u.nameIt : u.nameEn) ?? productName(ctx, u.sku)}`).join(', ');
  const amount =
    refundCents !== null && refundCents !== undefined
      ? formatMoney(refundCents, currency ?? ctx.order.currency, ctx.language)
      : null;
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Articoli rifiutati al ritiro dell'ordine ${number}`
        : `Items you refused from order ${number}`,
      heading: it ? 'Hai rifiutato alcuni articoli' : 'You refused some items',
      greeting: greeting(ctx),
      blocks: [
        {
          type: 'paragraph',
          text: it
            ? `Al banco di ${ctx.store.name} hai rifiutato: ${list(refused)}.${amount ? ` Ti rimborsiamo ${amount} sul metodo di pagamento dell'ordine.` : ''}`
            : `At the ${ctx.store.name} counter you refused: ${list(refused)}.${amount ? ` We are refunding ${amount} to the payment method of the order.` : ''}`,
        },
        ...(staged.length > 0
          ? [
              {
                type: 'paragraph' as const,
                text: it
                  ? `Ti aspetta ancora: ${list(staged)}. Mostra lo stesso codice di ritiro quando passi.`
                  : `Still waiting for you: ${list(staged)}. Show the same pickup code when you come.`,
              },
            ]
          : []),
      ],
      signature: signature(ctx),
    },
    sms: it
      ? `Aisle: hai rifiutato ${list(refused)} dell'ordine ${number}.${amount ? ` Rimborso: ${amount}.` : ''}`
      : `Aisle: you refused ${list(refused)} of order ${number}.${amount ? ` Refund: ${amount}.` : ''}`,
  };
}
