import { parseSignedPass, SIGNED_PASS_PREFIX } from '../domain/signed-pickup-pass';
import { parsePickupInput } from '../domain/pickup-pass';

/**
 * Finding an order at the return counter without the network, the way the server finds it:
 * by number (any case, with or without separators), e-mail (any case), phone (its digits, with
 * or without the +39 the customer often leaves out), the text of a scanned pickup pass, or its id.
 */

/** Italy's country code: customers give their mobile number without it. */
const HOME_COUNTRY_CODE = '39';
/** Fewer digits than this is not a phone number (a typed order number would match by accident). */
const MIN_PHONE_DIGITS = 6;

export const orderNumberKey = (text: string): string => text.replace(/[^0-9a-z]/gi, '').toUpperCase();

export const emailKey = (text: string): string => text.trim().toLowerCase();

/** "+39 333 123 4567", "0039 3331234567" and "333-1234567" all read "393331234567". */
export function phoneDigits(text: string | null | undefined): string {
  if (!text) return '';
  // "00" is the international prefix dialled instead of "+".
  return text.replace(/\D/g, '').replace(/^00/, '');
}

/** The forms a typed phone number may take for an order's stored E.164 number. */
function phoneCandidates(typed: string): string[] {
  const digits = phoneDigits(typed);
  if (digits.length < MIN_PHONE_DIGITS) return [];
  return typed.trim().startsWith('+') ? [digits] : [digits, HOME_COUNTRY_CODE + digits];
}

/** The order number a scanned or pasted pickup pass names (v1 or signed v2), or null. */
export function passOrderNumber(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.toUpperCase().startsWith('AISLE:PASS:')) return null;
  try {
    if (trimmed.startsWith(SIGNED_PASS_PREFIX)) return parseSignedPass(trimmed).orderNumber;
    const input = parsePickupInput(trimmed);
    return input.kind === 'pass' ? input.orderNumber : null;
  } catch {
    return null;
  }
}

export interface SearchableOrder {
  id: string;
  number: string;
  customerEmail: string;
  customerPhone: string | null;
}

export type OrderQuery =
  | { kind: 'number'; key: string }
  | { kind: 'email'; key: string }
  | { kind: 'phoneOrNumber'; key: string; phones: string[] }
  | { kind: 'id'; key: string }
  | { kind: 'none' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the counter typed or scanned, read as one kind of search. */
export function readOrderQuery(raw: string): OrderQuery {
  const text = raw.trim();
  if (text === '') return { kind: 'none' };
  const fromPass = passOrderNumber(text);
  if (fromPass !== null) return { kind: 'number', key: orderNumberKey(fromPass) };
  if (UUID.test(text)) return { kind: 'id', key: text.toLowerCase() };
  if (text.includes('@')) return { kind: 'email', key: emailKey(text) };
  // Digits and phone punctuation only: a phone number, or an order number of digits.
  if (/^[+(\d][\d\s().-]*$/.test(text)) {
    return { kind: 'phoneOrNumber', key: orderNumberKey(text), phones: phoneCandidates(text) };
  }
  return { kind: 'number', key: orderNumberKey(text) };
}

export function matchesOrderQuery(order: SearchableOrder, query: OrderQuery): boolean {
  switch (query.kind) {
    case 'none':
      return false;
    case 'id':
      return order.id.toLowerCase() === query.key;
    case 'email':
      return emailKey(order.customerEmail) === query.key;
    case 'number':
      return query.key !== '' && orderNumberKey(order.number) === query.key;
    case 'phoneOrNumber': {
      const number = orderNumberKey(order.number);
      if (query.key !== '' && number === query.key) return true;
      // "123456" said aloud for W123456: the web shop's letter prefix is often left out.
      if (query.key.length >= 5 && number.replace(/^[A-Z]+/, '') === query.key) return true;
      const phone = phoneDigits(order.customerPhone);
      return phone !== '' && query.phones.includes(phone);
    }
  }
}

/** The cached orders the query finds, newest placed first. */
export function searchOrders<T extends SearchableOrder & { placedAt: string }>(
  orders: readonly T[],
  raw: string,
): T[] {
  const query = readOrderQuery(raw);
  return orders
    .filter((order) => matchesOrderQuery(order, query))
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt));
}
