import { DomainError } from './domain-error';
import type { LocalDate } from './return-window';

/**
 * The ID step at the handover of a flagged order (issue 15, point 5). The associate reads the
 * customer's document and types what the check needs: its type, its last 4 characters, and for
 * an age-restricted line the date of birth; for a named third party, the name on it. Only the
 * type, the last 4 and the outcome are kept: never an image, the full number or the birth date.
 */
export const idCheckErrorCodes = {
  /** The order was flagged: the ID step comes before the handover. */
  required: 'idCheck.required',
  /** The last 4 characters are not 4 letters or digits. */
  badLast4: 'idCheck.badLast4',
  /** An age-restricted order needs the date of birth on the document. */
  dateOfBirthRequired: 'idCheck.dateOfBirthRequired',
  badDateOfBirth: 'idCheck.badDateOfBirth',
  /** The holder is younger than the order's minimum age. */
  underAge: 'idCheck.underAge',
  /** A third-party collection needs the name on the document. */
  nameRequired: 'idCheck.nameRequired',
  /** The name on the document is not the collector the customer named. */
  nameMismatch: 'idCheck.nameMismatch',
  /** The order was not flagged: there is nothing to check. */
  notRequired: 'idCheck.notRequired',
} as const;

export const idCheckReasons = ['age', 'highValue', 'thirdParty'] as const;
export type IdCheckReason = (typeof idCheckReasons)[number];

export const idDocumentTypes = ['identityCard', 'passport', 'drivingLicence', 'residencePermit'] as const;
export type IdDocumentType = (typeof idDocumentTypes)[number];

/** The minimum age the store sets for a product category, e.g. { alcohol: 18, knives: 18 }. */
export type CategoryAges = Readonly<Record<string, number>>;

/** A line's minimum age: the platform's, or its category's at this store, whichever is higher. */
export function lineMinimumAge(category: string, ages: CategoryAges, given?: number | null): number | null {
  const fromCategory = Object.hasOwn(ages, category) ? ages[category]! : null;
  const highest = Math.max(fromCategory ?? 0, given ?? 0);
  return highest > 0 ? highest : null;
}

export interface IdRequirement {
  reasons: IdCheckReason[];
  /** The highest minimum age of the order's lines, when any has one. */
  minimumAge: number | null;
  /** The third party the customer named to collect, when any. */
  collectorName: string | null;
}

/** Why an order needs the ID step, from its lines' minimum ages and its intake flags. */
export function idRequirement(order: {
  lines: readonly { minimumAge: number | null }[];
  highValue: boolean;
  collectorName: string | null;
}): IdRequirement {
  const ages = order.lines.map((l) => l.minimumAge ?? 0);
  const minimumAge = Math.max(0, ...ages) || null;
  const reasons: IdCheckReason[] = [];
  if (minimumAge !== null) reasons.push('age');
  if (order.highValue) reasons.push('highValue');
  if (order.collectorName) reasons.push('thirdParty');
  return { reasons, minimumAge, collectorName: order.collectorName };
}

export const isIdRequired = (r: IdRequirement): boolean => r.reasons.length > 0;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): { y: number; m: number; d: number } | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { y, m, d };
}

/**
 * Full years between a date of birth and a day, both calendar dates. Someone born on 29
 * February comes of age on 1 March in a year without one, as Italian and most European law count.
 */
export function ageOn(dateOfBirth: LocalDate, today: LocalDate): number {
  const born = parseDate(dateOfBirth);
  const now = parseDate(today);
  if (!born || !now) {
    throw new DomainError(idCheckErrorCodes.badDateOfBirth, 'Not a calendar date', { dateOfBirth });
  }
  const hadBirthday = now.m > born.m || (now.m === born.m && now.d >= born.d);
  return now.y - born.y - (hadBirthday ? 0 : 1);
}

/** Names compared as people write them: case, accents, punctuation and word order aside. */
export function sameName(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .sort()
      .join(' ');
  const left = words(a);
  return left.length > 0 && left === words(b);
}

export interface PresentedId {
  documentType: IdDocumentType;
  last4: string;
  /** YYYY-MM-DD, as on the document; needed when the order has a minimum age. */
  dateOfBirth?: string | null;
  /** As on the document; needed when a third party collects. */
  nameOnDocument?: string | null;
}

/** What is kept of a passed check: never the birth date, the name or the full number. */
export interface IdCheckRecord {
  documentType: IdDocumentType;
  last4: string;
  reasons: IdCheckReason[];
  minimumAge: number | null;
}

/**
 * Checks a presented document against the order's requirement on `today` (the store's calendar
 * date). Answers the record to keep, or refuses with the first thing wrong.
 */
export function checkId(requirement: IdRequirement, presented: PresentedId, today: LocalDate): IdCheckRecord {
  if (!isIdRequired(requirement)) {
    throw new DomainError(idCheckErrorCodes.notRequired, 'This order needs no ID check');
  }
  const last4 = presented.last4.trim().toUpperCase();
  if (!/^[A-Z0-9]{4}$/.test(last4)) {
    throw new DomainError(idCheckErrorCodes.badLast4, 'Give the last 4 letters or digits of the document');
  }
  if (requirement.minimumAge !== null) {
    if (!presented.dateOfBirth) {
      throw new DomainError(idCheckErrorCodes.dateOfBirthRequired, 'Give the date of birth on the document');
    }
    const age = ageOn(presented.dateOfBirth, today);
    if (age < 0 || age > 150) {
      throw new DomainError(idCheckErrorCodes.badDateOfBirth, 'Not a possible date of birth');
    }
    if (age < requirement.minimumAge) {
      throw new DomainError(idCheckErrorCodes.underAge, 'The holder is under the minimum age', {
        minimumAge: requirement.minimumAge,
      });
    }
  }
  if (requirement.collectorName !== null) {
    if (!presented.nameOnDocument?.trim()) {
      throw new DomainError(idCheckErrorCodes.nameRequired, 'Give the name on the document');
    }
    if (!sameName(presented.nameOnDocument, requirement.collectorName)) {
      throw new DomainError(idCheckErrorCodes.nameMismatch, 'The document is not the named collector’s', {
        collectorName: requirement.collectorName,
      });
    }
  }
  return {
    documentType: presented.documentType,
    last4,
    reasons: requirement.reasons,
    minimumAge: requirement.minimumAge,
  };
}

/**
 * The calendar day an age is counted on: the UTC date of the check. The chain's stores are east of
 * UTC, where that date is never later than the store's: a check in the first hour or two after
 * local midnight counts the day before, so it may ask someone to wait for their birthday, but
 * never accepts an age a day early (ADR 0047).
 */
export function checkDay(atIso: string): LocalDate {
  return new Date(atIso).toISOString().slice(0, 10);
}

/** The handover of a flagged order waits for a passed ID check. */
export function assertIdChecked(requirement: IdRequirement, idCheckedAt: string | null): void {
  if (isIdRequired(requirement) && !idCheckedAt) {
    throw new DomainError(idCheckErrorCodes.required, 'Check the customer’s ID before the handover', {
      reasons: requirement.reasons,
      minimumAge: requirement.minimumAge,
    });
  }
}
