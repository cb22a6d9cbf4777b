import type { ReturnCondition, ReturnReason, WaivableRule } from './return-reasons';
import { defaultReturnReasons } from './return-reasons';
import { returnWindow } from './return-window';

/**
 * "Buy online, return in store": which lines of an order a customer may bring back today, and
 * if not, why. The counter runs `checkReturn` to explain a refusal before anything is queued;
 * the server runs it again with its own clock and the order's return history.
 */
export const returnViolationCodes = {
  windowExpired: 'return.windowExpired',
  nonReturnable: 'return.nonReturnable',
  finalSale: 'return.finalSale',
  conditionNotAccepted: 'return.conditionNotAccepted',
  unknownReason: 'return.unknownReason',
  /** More than was delivered minus what already came back (some still could). */
  qtyExceedsReturnable: 'return.qtyExceedsReturnable',
  /** Everything delivered on this line has already come back. */
  alreadyReturned: 'return.alreadyReturned',
  /** The line is not on this order. */
  unknownLine: 'return.unknownLine',
  /** Not a whole number of at least one. */
  badQuantity: 'return.badQuantity',
} as const;
export type ReturnViolationCode = (typeof returnViolationCodes)[keyof typeof returnViolationCodes];

/**
 * A manager may take back what policy refuses (goodwill for a loyal customer, a late window after
 * a holiday), never what the customer does not have to give: quantities beyond what was
 * delivered or already refunded would be refunding money twice, and a line that is not on the
 * order or a reason the chain does not know cannot be audited.
 */
const notOverridable: ReadonlySet<ReturnViolationCode> = new Set([
  returnViolationCodes.qtyExceedsReturnable,
  returnViolationCodes.alreadyReturned,
  returnViolationCodes.unknownLine,
  returnViolationCodes.badQuantity,
  returnViolationCodes.unknownReason,
]);

export function isOverridable(code: ReturnViolationCode): boolean {
  return !notOverridable.has(code);
}

export interface CategoryReturnRule {
  windowDays: number;
  /** Conditions taken back without a reason that waives the condition rule. */
  acceptedConditions: readonly ReturnCondition[];
}

export interface ReturnPolicy {
  /** For categories without a rule of their own. */
  defaultRule: CategoryReturnRule;
  /** By catalogue category (apparel, footwear, sport, accessories, beauty, home, electronics, toys). */
  categories: Readonly<Record<string, CategoryReturnRule>>;
  reasons: readonly ReturnReason[];
}

/**
 * Common high-street terms: 30 days for most goods; 14 for electronics, which lose value fast
 * (and 14 days is the EU distance-selling minimum); beauty 14 days and only sealed, since opened
 * cosmetics cannot be resold. Hygiene goods flagged non-returnable in the catalogue (earrings,
 * underwear) are refused whatever their state.
 */
export const defaultReturnPolicy: ReturnPolicy = {
  defaultRule: { windowDays: 30, acceptedConditions: ['new', 'opened'] },
  categories: {
    electronics: { windowDays: 14, acceptedConditions: ['new', 'opened'] },
    beauty: { windowDays: 14, acceptedConditions: ['new'] },
  },
  reasons: defaultReturnReasons,
};

export interface ReturnOrderLine {
  lineId: string;
  sku: string;
  category: string;
  orderedQty: number;
  /** Units the store could not pick: the customer never received them. */
  shortQty: number;
  /** Units brought back on earlier visits. */
  returnedQty: number;
  /** The catalogue's flag; hygiene goods are false. */
  returnable: boolean;
  /** Sold on clearance as final sale. */
  finalSale: boolean;
}

export interface ReturnContext {
  order: {
    orderedAt: string;
    /** When the customer collected it or the carrier delivered it; null if not recorded. */
    receivedAt: string | null;
    lines: readonly ReturnOrderLine[];
  };
  /** The instant of the return, from the caller's clock. */
  now: string;
  /** The store's IANA zone ("Europe/Rome") or fixed offset ("+01:00"). */
  timeZone: string;
}

export interface ReturnRequestLine {
  lineId: string;
  qty: number;
  reason: string;
  condition: ReturnCondition;
}

export interface ReturnRequest {
  lines: readonly ReturnRequestLine[];
}

export interface ReturnViolation {
  code: ReturnViolationCode;
  overridable: boolean;
  /** What the UI needs to say why, e.g. days since receipt and the category's window. */
  details: Record<string, unknown>;
}

export interface OverriddenViolation extends ReturnViolation {
  managerId: string;
  reason: string;
}

export interface ReturnLineEvaluation extends ReturnRequestLine {
  allowed: boolean;
  /** What still stands in the way; empty when allowed. */
  violations: readonly ReturnViolation[];
  /** What a manager set aside, kept for the audit log. */
  overridden: readonly OverriddenViolation[];
}

export interface ReturnEvaluation {
  /** One per request line, in the request's order. */
  lines: readonly ReturnLineEvaluation[];
  allowed: boolean;
}

export function ruleFor(policy: ReturnPolicy, category: string): CategoryReturnRule {
  return policy.categories[category] ?? policy.defaultRule;
}

const violation = (code: ReturnViolationCode, details: Record<string, unknown>): ReturnViolation => ({
  code,
  overridable: isOverridable(code),
  details,
});

/**
 * Every reason each requested line cannot be taken back, all at once so the counter can explain
 * them together. The window counts from receipt, since an order can wait days for collection;
 * without a receipt date it falls back to the order date, which only ever shortens the window.
 * A line may appear twice in one request (one pair too small, one damaged): the quantities add up.
 */
export function checkReturn(
  request: ReturnRequest,
  context: ReturnContext,
  policy: ReturnPolicy,
): ReturnEvaluation {
  const countedFrom = context.order.receivedAt === null ? 'ordered' : 'received';
  const start = context.order.receivedAt ?? context.order.orderedAt;
  const claimed = new Map<string, number>();

  const lines = request.lines.map((requested): ReturnLineEvaluation => {
    const violations: ReturnViolation[] = [];
    const line = context.order.lines.find((l) => l.lineId === requested.lineId);
    const reason = policy.reasons.find((r) => r.code === requested.reason);
    const waived = (rule: WaivableRule) => reason?.waives.includes(rule) ?? false;

    if (!Number.isInteger(requested.qty) || requested.qty < 1) {
      violations.push(violation(returnViolationCodes.badQuantity, { qty: requested.qty }));
    }
    if (!reason) {
      violations.push(
        violation(returnViolationCodes.unknownReason, {
          reason: requested.reason,
          known: policy.reasons.map((r) => r.code),
        }),
      );
    }
    if (!line) {
      violations.push(violation(returnViolationCodes.unknownLine, { lineId: requested.lineId }));
      return { ...requested, allowed: false, violations, overridden: [] };
    }

    const delivered = line.orderedQty - line.shortQty;
    const earlier = claimed.get(line.lineId) ?? 0;
    const returnable = Math.max(0, delivered - line.returnedQty - earlier);
    claimed.set(line.lineId, earlier + Math.max(0, requested.qty));
    const qtyDetails = {
      sku: line.sku,
      qty: requested.qty,
      ordered: line.orderedQty,
      delivered,
      alreadyReturned: line.returnedQty,
      inThisReturn: earlier,
      returnable,
    };
    if (returnable === 0 && delivered > 0) {
      violations.push(violation(returnViolationCodes.alreadyReturned, qtyDetails));
    } else if (requested.qty > returnable) {
      violations.push(violation(returnViolationCodes.qtyExceedsReturnable, qtyDetails));
    }

    const rule = ruleFor(policy, line.category);
    if (!waived('window')) {
      const window = returnWindow(start, context.now, rule.windowDays, context.timeZone);
      if (!window.open) {
        violations.push(
          violation(returnViolationCodes.windowExpired, {
            category: line.category,
            windowDays: rule.windowDays,
            daysSinceReceipt: window.daysSinceReceipt,
            countedFrom,
            receivedOn: window.receivedOn,
            lastDay: window.lastDay,
          }),
        );
      }
    }
    if (!line.returnable && !waived('nonReturnable')) {
      violations.push(
        violation(returnViolationCodes.nonReturnable, { sku: line.sku, category: line.category }),
      );
    }
    if (line.finalSale && !waived('finalSale')) {
      violations.push(violation(returnViolationCodes.finalSale, { sku: line.sku }));
    }
    if (!rule.acceptedConditions.includes(requested.condition) && !waived('condition')) {
      violations.push(
        violation(returnViolationCodes.conditionNotAccepted, {
          category: line.category,
          condition: requested.condition,
          accepted: rule.acceptedConditions,
        }),
      );
    }
    return { ...requested, allowed: violations.length === 0, violations, overridden: [] };
  });

  return { lines, allowed: lines.every((l) => l.allowed) };
}
