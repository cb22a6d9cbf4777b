import type { OrderState } from './order-state';
import type { IdRequirement } from '../domain/id-check';
import { idRequirement } from '../domain/id-check';

/** Why the order's handover needs the ID step (none: reasons empty), from what it holds. */
export function idRequirementOf(order: OrderState): IdRequirement {
  return idRequirement({
    lines: order.lines,
    highValue: order.highValue,
    collectorName: order.collectorName,
  });
}

/** Units per line, as the webhooks and audit rows name them. */
export const unitsByLine = (units: readonly { lineId: string; qty: number }[]) =>
  units.map(({ lineId, qty }) => ({ lineId, qty }));
