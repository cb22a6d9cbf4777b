import type { ReturnDetail, ReturnStatus } from '../../contract/returns';
import type { Language } from '../../contract/orders';
import { receiptWords, type ReceiptWords } from './return-receipt-words';

/**
 * A return's receipt in the customer's language, as words and formatted amounts: the printed
 * PDF (return-receipt-pdf.ts) and the e-mail (return-receipt-email.ts) lay out the same content,
 * so what the customer reads on paper and in their inbox never differs.
 */
export interface ReturnReceipt {
  language: Language;
  words: ReceiptWords;
  number: string;
  storeName: string;
  storeAddress: string;
  /** When the goods were taken, in the store's zone. */
  dateTime: string;
  /** "Order W7001001 of 12 Nov 2026 · Aisle Roma Termini · online shop" */
  order: string;
  customerName: string;
  takenBy: string;
  status: ReturnStatus;
  statusLabel: string;
  statusNote: string;
  /** The manager's words when a return was declined. */
  declinedBecause: string | null;
  units: { name: string; size: string; reason: string; condition: string; outcome: string }[];
  /** Per order line, once refunded: units, their price, their share of the discounts, the refund. */
  refundLines: { name: string; qty: number; price: string; discount: string; refund: string }[];
  /** The shipping charge given back, when any. */
  shipping: string | null;
  /** The total refunded, or expected once approved; null when nothing is (declined). */
  total: { label: string; amount: string } | null;
  paidTo: { label: string; method: string } | null;
}

const locales: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export function formatMoney(cents: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency }).format(cents / 100);
}

const brands: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  maestro: 'Maestro',
};

/** "Visa •••• 4242", "PayPal": enough for the customer to recognise the payment, never more. */
export function paymentLabel(
  payment: NonNullable<NonNullable<ReturnDetail['refund']>['payment']>,
  language: Language,
): string {
  const w = receiptWords(language);
  if (payment.method !== 'card') return w.methods[payment.method];
  const brand = payment.brand
    ? (brands[payment.brand.toLowerCase()] ?? payment.brand.charAt(0).toUpperCase() + payment.brand.slice(1))
    : w.methods.card;
  return payment.last4 ? `${brand} •••• ${payment.last4}` : brand;
}

export function returnReceiptOf(detail: ReturnDetail, language: Language, timeZone: string): ReturnReceipt {
  const w = receiptWords(language);
  const money = (cents: number) => formatMoney(cents, detail.currency, language);
  const nameOf = (unit: { nameIt: string; nameEn: string }) =>
    language === 'it' ? unit.nameIt : unit.nameEn;
  const lineNames = new Map(detail.units.map((u) => [u.lineId, nameOf(u)]));
  const date = (at: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locales[language], { ...options, timeZone }).format(new Date(at));
  const channel = w.channels[detail.orderChannel] ?? detail.orderChannel;
  const refund = detail.refund;

  return {
    language,
    words: w,
    number: detail.number,
    storeName: detail.storeName,
    storeAddress: detail.storeAddress,
    dateTime: date(detail.takenAt, { dateStyle: 'long', timeStyle: 'short' }),
    order: [
      `${w.order} ${detail.orderNumber} ${w.placed} ${date(detail.orderPlacedAt, { dateStyle: 'medium' })}`,
      detail.orderStoreName,
      channel,
    ].join(' · '),
    customerName: detail.customerName,
    takenBy: detail.takenBy.name,
    status: detail.status,
    statusLabel: w.statuses[detail.status],
    statusNote: w.statusNotes[detail.status],
    declinedBecause: detail.status === 'declined' ? (detail.decision?.reason ?? null) : null,
    units: detail.units.map((u) => ({
      name: nameOf(u),
      size: u.size,
      reason: w.reasons[u.reason] ?? u.reason,
      condition: w.conditions[u.condition] ?? u.condition,
      // A declined return's goods go back to the customer, whatever was planned for them.
      outcome: detail.status === 'declined' ? w.givenBack : (w.dispositions[u.disposition] ?? u.disposition),
    })),
    refundLines: (refund?.lines ?? []).map((l) => ({
      name: lineNames.get(l.lineId) ?? '',
      qty: l.qty,
      price: money(l.grossCents),
      discount: l.discountShareCents === 0 ? money(0) : money(-l.discountShareCents),
      refund: money(l.refundCents),
    })),
    shipping: refund && refund.shippingCents > 0 ? money(refund.shippingCents) : null,
    total: refund
      ? { label: w.total, amount: money(refund.totalCents) }
      : detail.status === 'review' && detail.refundCents > 0
        ? { label: w.expected, amount: money(detail.refundCents) }
        : null,
    paidTo: refund?.payment ? { label: w.paidTo, method: paymentLabel(refund.payment, language) } : null,
  };
}
