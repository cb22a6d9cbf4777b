import type { CommandDefinition } from './define-command';
import { arrivalAcknowledge } from './arrival-acknowledge';
import { orderCancel } from './order-cancel';
import { orderCancelLine } from './order-cancel-line';
import { orderCheckId } from './order-check-id';
import { orderClaim } from './order-claim';
import { orderCount } from './order-count';
import { orderHandover } from './order-handover';
import { orderPack } from './order-pack';
import { orderPutBack } from './order-put-back';
import { orderReceive } from './order-receive';
import { orderRefuseItems } from './order-refuse-items';
import { orderReroute } from './order-reroute';
import { orderShip } from './order-ship';
import { orderStage } from './order-stage';
import { pickConfirm } from './pick-confirm';
import { pickShort } from './pick-short';
import { pickSubstitute } from './pick-substitute';
import { returnSubmit } from './return-submit';
import { stockReserveElsewhere } from './stock-reserve-elsewhere';
import { substitutionDecide } from './substitution-decide';

/** Every command, by name: the one list both the device and the server run from. */
export const commandDefinitions = {
  'order.claim': orderClaim,
  'pick.confirm': pickConfirm,
  'pick.short': pickShort,
  'pick.substitute': pickSubstitute,
  'substitution.decide': substitutionDecide,
  'order.stage': orderStage,
  'order.handover': orderHandover,
  'order.putBack': orderPutBack,
  'order.count': orderCount,
  'order.pack': orderPack,
  'order.ship': orderShip,
  'order.receive': orderReceive,
  'stock.reserveElsewhere': stockReserveElsewhere,
  'order.reroute': orderReroute,
  'order.cancelLine': orderCancelLine,
  'return.submit': returnSubmit,
  'arrival.acknowledge': arrivalAcknowledge,
  'order.cancel': orderCancel,
  'order.refuseItems': orderRefuseItems,
  'order.checkId': orderCheckId,
} as const;

export type DefinedCommandName = keyof typeof commandDefinitions;

export function definitionOf(name: string): CommandDefinition | undefined {
  return Object.hasOwn(commandDefinitions, name)
    ? (commandDefinitions[name as DefinedCommandName] as CommandDefinition)
    : undefined;
}
