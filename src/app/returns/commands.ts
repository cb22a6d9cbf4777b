import type { ReturnableOrder, ReturnSubmitArgs } from '../../contract/returns';
import { returnItemRef } from '../../domain/return-items';
import type { Actor } from '../../local-db/enqueue';
import type { ReturnDecision, ReturnShown } from '../../local-db/local-return-row';
import { queueReturn } from '../../local-db/local-returns';
import type { ManagerApproval } from './approval-dialog';
import type { ReturnCheck } from './return-check';
import type { DraftUnit } from './unit-list';

export interface SubmitInput {
  returnId: string;
  order: ReturnableOrder;
  units: readonly DraftUnit[];
  check: ReturnCheck;
  decision: ReturnDecision;
  /** With decision 'override': the signed-in manager's reason, or the approval's. */
  override?: { reason: string; approval?: ManagerApproval; manager: { id: string; name: string } };
  receipt: ReturnSubmitArgs['receipt'];
  actor: Actor;
}

/**
 * The command's arguments: every unit with its own reason, condition and disposition, and its
 * line; a kept substitute's unit names its product too (the counter lists it as an item of its own).
 */
export function submitArgsOf(input: SubmitInput, takenAt: string): ReturnSubmitArgs {
  const { override } = input;
  return {
    returnId: input.returnId,
    orderId: input.order.id,
    takenAt,
    units: input.units.map((u) => ({
      ...returnItemRef(u.lineId),
      reason: u.reason,
      condition: u.condition,
      disposition: u.disposition,
      ...(u.code ? { code: u.code.slice(0, 128) } : {}),
    })),
    ...(input.decision === 'override' && override
      ? {
          override: {
            reason: override.reason.trim(),
            ...(override.approval ? { approval: override.approval.token } : {}),
          },
        }
      : {}),
    receipt: input.receipt,
  };
}

function shownOf(input: SubmitInput): ReturnShown {
  const { order, check } = input;
  const lineIds = new Set(input.units.map((u) => u.lineId));
  return {
    order: {
      number: order.number,
      storeId: order.storeId,
      storeName: order.storeName,
      customerName: order.customerName,
      currency: order.currency,
      payment: order.payment,
    },
    lines: order.lines
      .filter((l) => lineIds.has(l.lineId))
      .map(({ lineId, sku, nameEn, nameIt, size, unitPriceCents }) => ({
        lineId,
        sku,
        nameEn,
        nameIt,
        size,
        unitPriceCents,
      })),
    decision: input.decision,
    violations: check.violations,
    refund: check.refund.ok
      ? {
          totalCents: check.refund.refund.totalCents,
          shippingCents: check.refund.refund.shippingCents,
          lines: check.refund.refund.lines.map((l) => ({ ...l })),
        }
      : null,
    ...(input.decision === 'override' && input.override ? { approvedBy: input.override.manager } : {}),
  };
}

/**
 * Queues the return (works offline) with what the associate was shown, and answers its id for
 * the return's screen. The goods are taken now: takenAt is now, and the server judges the
 * policy at that instant whenever the command arrives.
 */
export async function submitReturn(input: SubmitInput): Promise<string> {
  const args = submitArgsOf(input, new Date().toISOString());
  await queueReturn({ args, shown: shownOf(input), actor: input.actor, order: input.order });
  return args.returnId;
}
