import { returnErrorCodes } from '../../contract/error-codes';
import { returnViolationCodes } from '../../domain/return-policy';
import { isReturnsKey, type Rt } from './i18n/returns-i18n';

/** A violation as the device's check or the server gives it. */
export interface ViolationLike {
  code: string;
  details: Record<string, unknown>;
  lineId?: string;
}

export interface ExplainContext {
  rt: Rt;
  /** "2026-11-16" as the language writes a date. */
  day: (isoDate: string) => string;
  /** "new or opened". */
  orList: (items: string[]) => string;
  /** The product of an order line, in the UI language; the SKU when the line is unknown. */
  productOf: (lineId: string | undefined, sku: string | undefined) => string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

export function categoryName(rt: Rt, category: string): string {
  const key = `category.${category}`;
  return isReturnsKey(key) ? rt(key) : category;
}

export function conditionWord(rt: Rt, condition: string): string {
  const key = `conditionWord.${condition}`;
  return isReturnsKey(key) ? rt(key) : condition;
}

/**
 * A policy violation in words that say what happened and with which figures: "Electronics can
 * be returned within 14 days of receipt; received 20 days ago, last day 16 Nov 2026."
 */
export function explainViolation(v: ViolationLike, ctx: ExplainContext): string {
  const { rt } = ctx;
  const d = v.details;
  const product = () => ctx.productOf(v.lineId ?? (str(d.lineId) || undefined), str(d.sku) || undefined);
  switch (v.code) {
    case returnViolationCodes.windowExpired:
      return rt(
        d.countedFrom === 'ordered' ? 'violation.windowExpired.ordered' : 'violation.windowExpired.received',
        {
          category: categoryName(rt, str(d.category)),
          windowDays: num(d.windowDays),
          days: num(d.daysSinceReceipt),
          lastDay: ctx.day(str(d.lastDay)),
        },
      );
    case returnViolationCodes.nonReturnable:
      return rt('violation.nonReturnable', { product: product() });
    case returnViolationCodes.finalSale:
      return rt('violation.finalSale', { product: product() });
    case returnViolationCodes.conditionNotAccepted: {
      const accepted = Array.isArray(d.accepted) ? d.accepted.map((c) => conditionWord(rt, String(c))) : [];
      return rt('violation.conditionNotAccepted', {
        category: categoryName(rt, str(d.category)),
        accepted: ctx.orList(accepted),
        condition: conditionWord(rt, str(d.condition)),
      });
    }
    case returnViolationCodes.unknownReason:
      return rt('violation.unknownReason', { reason: str(d.reason) });
    case returnViolationCodes.qtyExceedsReturnable:
      return rt('violation.qtyExceedsReturnable', {
        product: product(),
        returnable: num(d.returnable),
        delivered: num(d.delivered),
        returned: num(d.alreadyReturned) + num(d.inThisReturn),
        qty: num(d.qty),
      });
    case returnViolationCodes.alreadyReturned:
      return rt('violation.alreadyReturned', { product: product(), delivered: num(d.delivered) });
    case returnViolationCodes.unknownLine:
      return rt('violation.unknownLine');
    case returnViolationCodes.badQuantity:
      return rt('violation.badQuantity');
    case returnErrorCodes.notDelivered:
      return rt('violation.notDelivered');
    case returnErrorCodes.approvalInvalid:
      return rt('violation.approvalInvalid');
    case returnErrorCodes.overrideNotAllowed:
      return rt('violation.overrideNotAllowed');
    default:
      return rt('violation.other', { code: v.code });
  }
}

/** The codes a return can wait for a manager with: every policy code and the server's own. */
export const explainedCodes: readonly string[] = [
  ...Object.values(returnViolationCodes),
  returnErrorCodes.notDelivered,
  returnErrorCodes.approvalInvalid,
  returnErrorCodes.overrideNotAllowed,
];
