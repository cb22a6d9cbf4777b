import { DomainError } from './domain-error';

/**
 * Substitutions (issue 15): what the customer allows when a unit cannot be found, the store's
 * price rule, and the decision on a substitute the associate scanned. All money is integer cents.
 */

/**
 * The customer's preference, for the whole order or one line (a line's wins):
 * - `none`: no substitutes, the unit is removed and refunded at staging;
 * - `similar`: any similar item the store's price rule allows, without asking;
 * - `ask`: ask me each time;
 * - `alternatives`: these products, by SKU, best first; anything else is refused.
 */
export type SubstitutionPreference =
  { mode: 'none' } | { mode: 'similar' } | { mode: 'ask' } | { mode: 'alternatives'; skus: string[] };

export const substitutionModes = ['none', 'similar', 'ask', 'alternatives'] as const;
export type SubstitutionMode = (typeof substitutionModes)[number];

/** An order taken without a preference (or before preferences existed) gets no substitutes. */
export const NO_SUBSTITUTES: SubstitutionPreference = { mode: 'none' };

/**
 * The store's rule for a substitute dearer than what was ordered, per unit: `notDearer`, or
 * `within` a percentage of the ordered price or an amount, whichever allows more ("30% or 3.00").
 */
export type PriceRule = { kind: 'notDearer' } | { kind: 'within'; percent: number; amountCents: number };

export const DEFAULT_PRICE_RULE: PriceRule = { kind: 'within', percent: 30, amountCents: 300 };

/** How long the customer has to answer, unless the store sets otherwise. */
export const DEFAULT_ANSWER_MINUTES = 20;

export const substitutionErrorCodes = {
  /** The customer wants no substitutes for this line. */
  notWanted: 'substitution.notWanted',
  /** The customer named the alternatives, and this is not one of them. */
  notAnAlternative: 'substitution.notAnAlternative',
  /** The scanned substitute is the product that was ordered. */
  sameProduct: 'substitution.sameProduct',
  /** The scanned code is no product of the catalogue. */
  unknownProduct: 'substitution.unknownProduct',
  /** A price rule with a negative or non-integer figure. */
  badPriceRule: 'substitution.badPriceRule',
  /** No substitute of this line waits for the customer's answer (already answered, or none). */
  notPending: 'substitution.notPending',
  /** The order cannot be staged while the customer has not answered, unless staged without it. */
  answerPending: 'substitution.answerPending',
  /** The line has a substitute already: one per line. */
  alreadySubstituted: 'substitution.alreadySubstituted',
  /** Only the customer answers a request, from the link they were sent. */
  customerOnly: 'substitution.customerOnly',
} as const;

/** Why the substitute is allowed, needs the customer's approval, or is refused. Stable codes. */
export const substitutionReasons = [
  'rankedAlternative',
  'withinPriceRule',
  'customerAsks',
  'aboveClearPrice',
  'notWanted',
  'notAnAlternative',
  'sameProduct',
] as const;
export type SubstitutionReason = (typeof substitutionReasons)[number];

export type SubstitutionDecision =
  | { outcome: 'allowed'; reason: 'rankedAlternative' | 'withinPriceRule'; rank?: number }
  | { outcome: 'needsApproval'; reason: 'customerAsks' | 'aboveClearPrice' }
  | { outcome: 'refused'; reason: 'notWanted' | 'notAnAlternative' | 'sameProduct' };

export interface SubstituteCandidate {
  sku: string;
  unitPriceCents: number;
}

export function assertPriceRule(rule: PriceRule): PriceRule {
  if (rule.kind === 'notDearer') return rule;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(rule.percent) || !whole(rule.amountCents)) {
    throw new DomainError(substitutionErrorCodes.badPriceRule, 'A price rule is whole non-negative figures', {
      percent: rule.percent,
      amountCents: rule.amountCents,
    });
  }
  return rule;
}

/** The most a substitute may cost per unit under the rule, for an item ordered at `orderedCents`. */
export function highestAllowedCents(rule: PriceRule, orderedCents: number): number {
  if (rule.kind === 'notDearer') return orderedCents;
  // Rounded down: "within 30%" of 0.99 never allows a cent the customer did not agree to.
  const byPercent = Math.floor((orderedCents * rule.percent) / 100);
  return orderedCents + Math.max(byPercent, rule.amountCents);
}

export function isWithinPriceRule(rule: PriceRule, orderedCents: number, substituteCents: number): boolean {
  return substituteCents <= highestAllowedCents(rule, orderedCents);
}

/** The preference that applies to a line: its own, else the order's, else none. */
export function effectivePreference(
  order: SubstitutionPreference | null | undefined,
  line: SubstitutionPreference | null | undefined,
): SubstitutionPreference {
  return line ?? order ?? NO_SUBSTITUTES;
}

/**
 * The decision on a scanned substitute for an ordered item. A named alternative is allowed at its
 * price, because the customer chose it; a similar item is allowed under the price rule and asked
 * about above it; "ask me" always asks.
 */
export function decideSubstitute(input: {
  preference: SubstitutionPreference;
  priceRule: PriceRule;
  ordered: SubstituteCandidate;
  substitute: SubstituteCandidate;
}): SubstitutionDecision {
  const { preference, priceRule, ordered, substitute } = input;
  if (substitute.sku === ordered.sku) return { outcome: 'refused', reason: 'sameProduct' };
  switch (preference.mode) {
    case 'none':
      return { outcome: 'refused', reason: 'notWanted' };
    case 'ask':
      return { outcome: 'needsApproval', reason: 'customerAsks' };
    case 'alternatives': {
      const rank = preference.skus.indexOf(substitute.sku);
      return rank < 0
        ? { outcome: 'refused', reason: 'notAnAlternative' }
        : { outcome: 'allowed', reason: 'rankedAlternative', rank: rank + 1 };
    }
    case 'similar':
      return isWithinPriceRule(priceRule, ordered.unitPriceCents, substitute.unitPriceCents)
        ? { outcome: 'allowed', reason: 'withinPriceRule' }
        : { outcome: 'needsApproval', reason: 'aboveClearPrice' };
  }
}

/** Throws the refusal as a stable error; answers an allowed or to-be-approved decision. */
export function assertSubstituteAccepted(
  decision: SubstitutionDecision,
  details: Record<string, unknown> = {},
): Exclude<SubstitutionDecision, { outcome: 'refused' }> {
  if (decision.outcome !== 'refused') return decision;
  throw new DomainError(substitutionErrorCodes[decision.reason], `Substitute refused: ${decision.reason}`, {
    ...details,
    reason: decision.reason,
  });
}

/** Where a substitute stands: picked at once, waiting for the customer, or answered. */
export type SubstituteStatus = 'picked' | 'pending' | 'accepted' | 'declined';

/** What an order keeps of its substitutions from intake: the rule and minutes it was taken under. */
export interface OrderSubstitution {
  preference: SubstitutionPreference;
  priceRule: PriceRule;
  answerMinutes: number;
}

/** The substitute picked for a line's short units, and where the customer's answer stands. */
export interface LineSubstitute {
  productId: string;
  sku: string;
  gtin14: string;
  nameEn: string;
  nameIt: string;
  unitPriceCents: number;
  qty: number;
  status: SubstituteStatus;
  reason: SubstitutionReason;
  requestedAt: string;
  /** When a pending answer counts as declined; null when none was asked. */
  deadline: string | null;
  decidedAt: string | null;
  /** Units of a kept substitute the customer refused at the counter (ADR 0047); absent: none. */
  qtyRefused?: number;
}

/** The deadline of a request made at `requestedAt`, ISO strings both. */
export function answerDeadline(requestedAt: string, answerMinutes: number): string {
  return new Date(Date.parse(requestedAt) + answerMinutes * 60_000).toISOString();
}

/**
 * Where a substitute stands at `now`: a pending one past its deadline counts as declined, so an
 * order is never held by a customer who did not answer.
 */
export function substituteStatusAt(
  substitute: { status: SubstituteStatus; deadline: string | null },
  now: string,
): SubstituteStatus {
  if (substitute.status !== 'pending' || substitute.deadline === null) return substitute.status;
  return Date.parse(now) >= Date.parse(substitute.deadline) ? 'declined' : 'pending';
}

/** Whether the substitute's units go to the customer. */
export const isSubstituteKept = (status: SubstituteStatus): boolean =>
  status === 'picked' || status === 'accepted';

/**
 * What goes back to the customer for a line with a substitute: the difference when the kept
 * substitute is cheaper (a dearer one within the rule costs the customer nothing more: the price
 * was paid already), and the ordered price of every unit not delivered when it is declined.
 */
export function substitutionRefundCents(input: {
  orderedUnitCents: number;
  substituteUnitCents: number;
  qty: number;
  status: SubstituteStatus;
}): number {
  const { orderedUnitCents, substituteUnitCents, qty, status } = input;
  if (status === 'pending') return 0;
  if (!isSubstituteKept(status)) return orderedUnitCents * qty;
  return Math.max(0, orderedUnitCents - substituteUnitCents) * qty;
}

/** Units an order's lines hold as substitutes that go, or may go, to the customer. */
export function substituteUnits(
  lines: readonly { substitute: { qty: number; status: SubstituteStatus } | null }[],
): number {
  return lines.reduce(
    (sum, l) => sum + (l.substitute && l.substitute.status !== 'declined' ? l.substitute.qty : 0),
    0,
  );
}

/** The idempotency key of an order's one substitution refund: paid once, however often staged. */
export const substitutionRefundKey = (orderId: string): string => `substitution:${orderId}`;

/** Why an order's one refund gave money back, as the order shows it. */
export type SubstitutionRefundCause =
  'cheaper' | 'declined' | 'both' | 'removed' | 'cheaperRemoved' | 'declinedRemoved' | 'allThree';

/**
 * Why the order was refunded at staging, from the lines that gave money back
 * (`substitutionRefund(...).lines`): a cheaper substitute kept, items declined, items removed
 * (short with no substitute), or a mix of them.
 */
export function substitutionRefundCause(
  lines: readonly { status: SubstituteStatus | 'removed' }[],
): SubstitutionRefundCause | null {
  const cheaper = lines.some((l) => l.status !== 'removed' && isSubstituteKept(l.status));
  const declined = lines.some((l) => l.status === 'declined');
  const removed = lines.some((l) => l.status === 'removed');
  if (removed) {
    if (cheaper && declined) return 'allThree';
    return cheaper ? 'cheaperRemoved' : declined ? 'declinedRemoved' : 'removed';
  }
  if (cheaper && declined) return 'both';
  return cheaper ? 'cheaper' : declined ? 'declined' : null;
}

/**
 * Where a line's short units went to another store, as a line records it: the re-route's order
 * (an object that may say how many units moved, `qty`), or its bare id. A re-route of a replica or
 * server older than the count has none.
 */
export type RerouteOf = object | string | null;

/** How many units a re-route moved, when it says; null otherwise. */
function movedUnits(reroutedTo: RerouteOf): number | null {
  if (typeof reroutedTo !== 'object' || reroutedTo === null || !('qty' in reroutedTo)) return null;
  const { qty } = reroutedTo;
  return typeof qty === 'number' && Number.isSafeInteger(qty) && qty >= 0 ? qty : null;
}

/**
 * Units of a line removed from the order: short, and neither covered by a substitute (whatever
 * its answer: a declined one is refunded as such) nor moved to another store. A re-route moves the
 * units short then, and counts them (`qty`), so a unit shorted after it on the same line is
 * removed and refunded like any other; a re-route that does not say how many moved took them all,
 * as it did before it counted: nothing is refunded that the other store may deliver.
 */
export function removedUnits(line: {
  qtyShort: number;
  reroutedTo: RerouteOf;
  substitute: { qty: number } | null;
}): number {
  const moved = line.reroutedTo === null ? 0 : (movedUnits(line.reroutedTo) ?? line.qtyShort);
  return Math.max(0, line.qtyShort - (line.substitute?.qty ?? 0) - moved);
}

export interface SubstitutionRefundLine {
  lineId: string;
  /** The substitute's answer, or `removed` for the line's units short with no substitute. */
  status: SubstituteStatus | 'removed';
  qty: number;
  refundCents: number;
}

/**
 * The one refund an order gives at staging: each line's cheaper substitute's difference, its
 * declined units and its removed units (`removedUnits`) at the ordered price, never more in all
 * than the goods were paid (the order's discounts included), so with any later return the
 * customer never gets back more than they paid.
 */
export function substitutionRefund(
  lines: readonly {
    id: string;
    unitPriceCents: number;
    qtyShort: number;
    reroutedTo: RerouteOf;
    substitute: { unitPriceCents: number; qty: number; status: SubstituteStatus } | null;
  }[],
  paidGoodsCents: number,
): { totalCents: number; lines: SubstitutionRefundLine[] } {
  const owed = lines.flatMap((line): SubstitutionRefundLine[] => {
    const s = line.substitute;
    const forSubstitute: SubstitutionRefundLine | null =
      s && s.status !== 'pending'
        ? {
            lineId: line.id,
            status: s.status,
            qty: s.qty,
            refundCents: substitutionRefundCents({
              orderedUnitCents: line.unitPriceCents,
              substituteUnitCents: s.unitPriceCents,
              qty: s.qty,
              status: s.status,
            }),
          }
        : null;
    const removed = removedUnits(line);
    const forRemoved: SubstitutionRefundLine = {
      lineId: line.id,
      status: 'removed',
      qty: removed,
      refundCents: line.unitPriceCents * removed,
    };
    return [forSubstitute, forRemoved].filter(
      (l): l is SubstitutionRefundLine => l !== null && l.refundCents > 0,
    );
  });
  const sum = owed.reduce((total, l) => total + l.refundCents, 0);
  return { totalCents: Math.max(0, Math.min(sum, paidGoodsCents)), lines: owed };
}
