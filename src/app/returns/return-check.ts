import type { ReturnableOrder, ReturnViolationView } from '../../contract/returns';
import { isDomainError } from '../../domain/domain-error';
import { applyOverride } from '../../domain/return-override';
import { checkReturn, type ReturnEvaluation } from '../../domain/return-policy';
import { policyRequestOf } from '../../domain/return-units';
import {
  availabilityByLine,
  policyContextOf,
  previewRefund,
  type CounterSettings,
  type DeviceReturn,
  type LineAvailability,
  type RefundPreview,
} from './returnable';
import { judgedUnits, type DraftUnit } from './unit-list';

/**
 * What the counter can do with the units on it, decided by the same rules the server runs:
 * - empty: nothing scanned yet;
 * - needReasons: some unit has no reason (the policy cannot judge it yet);
 * - notDelivered: the order never reached the customer;
 * - blocked: a violation no one may set aside (quantity, unknown line or reason);
 * - allowed: the policy takes it all back: the refund goes out on sync;
 * - overridable: only a manager can take it back now, or it goes to review.
 */
export type CheckOutcome = 'empty' | 'needReasons' | 'notDelivered' | 'blocked' | 'allowed' | 'overridable';

export interface ReturnCheck {
  availability: Map<string, LineAvailability>;
  evaluation: ReturnEvaluation | null;
  /** Every violation of the check, with its line. */
  violations: ReturnViolationView[];
  outcome: CheckOutcome;
  refund: RefundPreview;
  /** An error of the check itself (a time zone the device does not know), as a code. */
  failure: string | null;
}

export function checkDraft(
  order: ReturnableOrder,
  settings: CounterSettings,
  device: readonly DeviceReturn[],
  returnId: string,
  units: readonly DraftUnit[],
  now: string,
): ReturnCheck {
  const availability = availabilityByLine(order, device);
  const judged = judgedUnits(units);
  const refund = previewRefund(order, device, returnId, judged, settings.shippingRule);
  let evaluation: ReturnEvaluation | null = null;
  let failure: string | null = null;
  if (judged.length > 0) {
    try {
      evaluation = checkReturn(
        policyRequestOf(judged),
        policyContextOf(order, availability, now, settings.timeZone),
        settings.policy,
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      failure = error.code;
    }
  }
  const violations: ReturnViolationView[] = (evaluation?.lines ?? []).flatMap((line) =>
    line.violations.map((v) => ({
      lineId: line.lineId,
      code: v.code,
      overridable: v.overridable,
      details: v.details,
    })),
  );
  const outcome: CheckOutcome =
    units.length === 0
      ? 'empty'
      : order.receivedAt === null
        ? 'notDelivered'
        : violations.some((v) => !v.overridable)
          ? 'blocked'
          : judged.length < units.length
            ? 'needReasons'
            : violations.length > 0
              ? 'overridable'
              : 'allowed';
  return { availability, evaluation, violations, outcome, refund, failure };
}

/**
 * Whether a manager's override takes the return back whole, with the same all-or-nothing rule
 * the server applies. Answers the error code when it cannot.
 */
export function overrideAllows(check: ReturnCheck, managerId: string, reason: string): string | null {
  if (!check.evaluation) return null;
  const lineIds = [...new Set(check.violations.map((v) => v.lineId))];
  try {
    return applyOverride(check.evaluation, { managerId, reason, lineIds }).allowed
      ? null
      : 'returnOverride.notOverridable';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}
