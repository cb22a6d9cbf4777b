import { z } from 'zod';
import { formatDateTime, formatMoney } from './message-format';
import { PermanentNotificationError, type NotificationContext } from './notification-context';
import type { Block } from './email-layout';
import type { MessageParts } from './pickup-messages';

const requestPayload = z.object({
  orderedSku: z.string(),
  sku: z.string(),
  qty: z.number().int().min(1),
  unitPriceCents: z.number().int(),
  orderedUnitPriceCents: z.number().int(),
  deadline: z.string().nullable(),
});

/**
 * A picture's address a mail client can fetch: the catalogue's https address, or this server's
 * own picture (the demo's) under the link's origin when that is https. Anything else, none: a
 * mail client reaches no localhost, and one that shows pictures shows no plain-http one.
 */
export function mailPictureUrl(imageUrl: string | undefined, linkUrl: string): string | undefined {
  if (!imageUrl) return undefined;
  if (imageUrl.startsWith('https://')) return imageUrl;
  if (!imageUrl.startsWith('/') || imageUrl.startsWith('//') || !linkUrl.startsWith('https://'))
    return undefined;
  return new URL(imageUrl, linkUrl).href;
}

/**
 * "We could not find X: may we give you Y instead?" (issue 15), by e-mail and text, with the signed
 * link to the page where the customer sees both, the price difference, and answers.
 */
export function substitutionRequest(ctx: NotificationContext): MessageParts {
  const parsed = requestPayload.safeParse(ctx.payload);
  if (!parsed.success) throw new PermanentNotificationError('substitution_request: malformed payload');
  if (!ctx.substitutionUrl) throw new PermanentNotificationError('substitution_request: no link to send');
  const p = parsed.data;
  const it = ctx.language === 'it';
  const name = (sku: string) => ctx.productNames.get(sku)?.[ctx.language] ?? sku;
  const money = (cents: number) => formatMoney(cents, ctx.order.currency, ctx.language);
  const difference = p.unitPriceCents - p.orderedUnitPriceCents;
  const priceWords =
    difference < 0
      ? it
        ? `costa ${money(-difference)} in meno a pezzo: ti rimborsiamo la differenza`
        : `it costs ${money(-difference)} less each: we refund the difference`
      : difference === 0
        ? it
          ? 'costa lo stesso'
          : 'it costs the same'
        : it
          ? `costa ${money(difference)} in più a pezzo, che non ti addebitiamo`
          : `it costs ${money(difference)} more each, which we do not charge you`;
  const picture = mailPictureUrl(ctx.productPictures?.get(p.sku), ctx.substitutionUrl);
  const until = p.deadline
    ? formatDateTime(new Date(p.deadline), ctx.store.timezone, ctx.language).time
    : undefined;
  const ask = it
    ? `Non abbiamo trovato ${name(p.orderedSku)} (${p.qty}). Possiamo darti ${name(p.sku)} al suo posto? ${priceWords}.`
    : `We could not find ${name(p.orderedSku)} (${p.qty}). May we give you ${name(p.sku)} instead? ${priceWords[0]!.toUpperCase()}${priceWords.slice(1)}.`;
  const deadlineWords = until
    ? it
      ? `Rispondi entro le ${until}: senza risposta lo togliamo e ti rimborsiamo.`
      : `Please answer by ${until}: without an answer we remove it and refund you.`
    : '';
  return {
    email: {
      language: ctx.language,
      subject: it
        ? `Ordine ${ctx.order.number}: accetti un sostituto?`
        : `Order ${ctx.order.number}: will you take a substitute?`,
      heading: it ? 'Un articolo non è disponibile' : 'An item is not available',
      greeting: it ? `Ciao ${ctx.order.customerName},` : `Hello ${ctx.order.customerName},`,
      blocks: [
        { type: 'paragraph', text: ask },
        ...(picture ? [{ type: 'picture' as const, src: picture, alt: name(p.sku) }] : []),
        ...(deadlineWords ? [{ type: 'paragraph' as const, text: deadlineWords }] : []),
        {
          type: 'link',
          text: it ? 'Guarda il sostituto e rispondi:' : 'See the substitute and answer:',
          label: it ? 'Accetta o rifiuta' : 'Accept or decline',
          href: ctx.substitutionUrl,
        },
      ],
      signature: it ? `Grazie, ${ctx.store.name}` : `Thank you, ${ctx.store.name}`,
    },
    sms: it
      ? `Aisle: ordine ${ctx.order.number}, ${name(p.orderedSku)} non c'è. Accetti ${name(p.sku)}? ${ctx.substitutionUrl}`
      : `Aisle: order ${ctx.order.number}, ${name(p.orderedSku)} is out. Take ${name(p.sku)} instead? ${ctx.substitutionUrl}`,
  };
}

const readySubstitutes = z.array(
  z.object({
    orderedSku: z.string(),
    nameEn: z.string(),
    nameIt: z.string(),
    qty: z.number().int(),
    status: z.enum(['picked', 'accepted', 'declined']),
  }),
);

/** The ready e-mail lists what was substituted, and what was removed and refunded (issue 15). */
export function substitutionBlocks(ctx: NotificationContext): Block[] {
  const parsed = readySubstitutes.safeParse(ctx.payload.substitutions ?? []);
  if (!parsed.success || parsed.data.length === 0) return [];
  const it = ctx.language === 'it';
  const ordered = (sku: string) => ctx.productNames.get(sku)?.[ctx.language] ?? sku;
  return [
    {
      type: 'list',
      label: it ? 'Sostituzioni' : 'Substitutions',
      items: parsed.data.map((s) =>
        s.status === 'declined'
          ? it
            ? `${ordered(s.orderedSku)} × ${s.qty}: tolto e rimborsato`
            : `${ordered(s.orderedSku)} × ${s.qty}: removed and refunded`
          : it
            ? `${s.nameIt} × ${s.qty} al posto di ${ordered(s.orderedSku)}`
            : `${s.nameEn} × ${s.qty} instead of ${ordered(s.orderedSku)}`,
      ),
    },
  ];
}
