import { DomainError } from './domain-error';

/**
 * Reserving a product at another store for a walk-in customer (the "shoes in your size" story).
 * The device checks the form with these rules before it queues `stock.reserveElsewhere`; the
 * server checks them again, then the stock it holds under the other store's lock.
 */
export const reservationErrorCodes = {
  nameRequired: 'reservation.nameRequired',
  contactRequired: 'reservation.contactRequired',
  badEmail: 'reservation.badEmail',
  badPhone: 'reservation.badPhone',
  badQuantity: 'reservation.badQuantity',
  sameStore: 'reservation.sameStore',
  /** The store has fewer units available than asked for (the figure shown, or the real one). */
  notAvailable: 'stock.notAvailable',
} as const;

export const MAX_RESERVATION_QTY = 99;
export const MAX_CUSTOMER_NAME = 120;
/** A reservation is promised ready this long after the other store receives it. */
export const RESERVATION_READY_MINUTES = 60;

export type CustomerLanguage = 'it' | 'en';

export interface WalkInCustomerInput {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  language: CustomerLanguage;
}

export interface WalkInCustomer {
  name: string;
  /** E.164, e.g. +393331234567. */
  phone: string | null;
  email: string | null;
  language: CustomerLanguage;
}

export type ReservationField = 'name' | 'contact' | 'phone' | 'email' | 'qty';

export interface ReservationProblem {
  field: ReservationField;
  code: string;
  details?: Record<string, unknown>;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function isEmail(text: string): boolean {
  const email = text.trim();
  return email.length <= 254 && EMAIL.test(email);
}

/**
 * A phone number as associates type it ("333 123 4567", "+39 02-1234567", "0044 20 7946 0958")
 * in E.164, or null when it cannot be one. A number without an international prefix is taken
 * as one of the store's country (Italian numbers keep their leading 0 after +39).
 */
export function normalizePhone(text: string, defaultCountryCode = '39'): string | null {
  const compact = text.trim().replace(/[\s().\-/]/g, '');
  let international: string;
  if (compact.startsWith('+')) international = compact;
  else if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else international = `+${defaultCountryCode}${compact}`;
  return /^\+[1-9]\d{6,14}$/.test(international) ? international : null;
}

const present = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/**
 * Everything wrong with a reservation, field by field, so a form can show all of it at once.
 * `available` is what the associate was shown (on the device) or what the store really has
 * (on the server); without it the quantity is only checked to be a sensible number.
 */
export function reservationProblems(
  input: { customer: WalkInCustomerInput; qty: number },
  available?: number,
): ReservationProblem[] {
  const { customer, qty } = input;
  const problems: ReservationProblem[] = [];
  if (customer.name.trim() === '') problems.push({ field: 'name', code: reservationErrorCodes.nameRequired });
  const { phone, email } = customer;
  if (!present(phone) && !present(email)) {
    problems.push({ field: 'contact', code: reservationErrorCodes.contactRequired });
  }
  if (present(phone) && normalizePhone(phone) === null) {
    problems.push({ field: 'phone', code: reservationErrorCodes.badPhone });
  }
  if (present(email) && !isEmail(email)) {
    problems.push({ field: 'email', code: reservationErrorCodes.badEmail });
  }
  if (!Number.isInteger(qty) || qty < 1 || qty > MAX_RESERVATION_QTY) {
    problems.push({ field: 'qty', code: reservationErrorCodes.badQuantity });
  } else if (available !== undefined && qty > available) {
    problems.push({
      field: 'qty',
      code: reservationErrorCodes.notAvailable,
      details: { available: Math.max(0, available), requested: qty },
    });
  }
  return problems;
}

/**
 * The reservation's customer as it will be stored (trimmed, phone in E.164), or the first
 * problem as a DomainError whose details list them all.
 */
export function checkReservation(
  input: { customer: WalkInCustomerInput; qty: number },
  available?: number,
): { customer: WalkInCustomer; qty: number } {
  const problems = reservationProblems(input, available);
  const first = problems[0];
  if (first) {
    throw new DomainError(first.code, `The reservation cannot be made: ${first.field}`, {
      ...first.details,
      fields: problems.map(({ field, code }) => ({ field, code })),
    });
  }
  return { qty: input.qty, customer: walkInCustomerOf(input.customer) };
}

/**
 * The customer as a reservation stores them: trimmed, the phone in E.164. Unchecked: a phone
 * that cannot be one becomes null (checkReservation refuses it first).
 */
export function walkInCustomerOf(customer: WalkInCustomerInput): WalkInCustomer {
  return {
    name: customer.name.trim(),
    phone: present(customer.phone) ? normalizePhone(customer.phone) : null,
    email: present(customer.email) ? customer.email.trim() : null,
    language: customer.language,
  };
}

/** The platform id of the order a reservation becomes: a resend finds the same order. */
export function reservationExternalId(reservationId: string): string {
  return `reservation-${reservationId.toLowerCase()}`;
}

/** The order number the customer and the other store see, e.g. "R3F2A9C1B". */
export function reservationOrderNumber(reservationId: string): string {
  return `R${reservationId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

export function reservationPromisedAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + RESERVATION_READY_MINUTES * 60_000);
}

const CODE_SPACE = 1_000_000;
/** The largest multiple of 10^6 below 2^32: values at or above it would favour low codes. */
const UNBIASED_LIMIT = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE;

/**
 * A 6-digit pickup code from uniform 32-bit random numbers (crypto.getRandomValues on the
 * device), every code equally likely: the few values that would skew it are drawn again.
 */
export function pickupCodeFrom(nextUint32: () => number): string {
  for (;;) {
    const value = nextUint32();
    if (value < UNBIASED_LIMIT) return String(value % CODE_SPACE).padStart(6, '0');
  }
}
