import { DomainError } from './domain-error';

export const fulfillmentTypes = [
  'pickup',
  'curbside',
  'ship_from_store',
  'reserve_and_collect',
  'ship_to_store',
] as const;
export type FulfillmentType = (typeof fulfillmentTypes)[number];

export const orderStatuses = [
  'new',
  'picking',
  'picked',
  'ready',
  'collected',
  'packed',
  'shipped',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderEvents = [
  'claim',
  'release',
  'finishPick',
  'stage',
  'handover',
  'pack',
  'ship',
  'cancel',
  'expire',
  'receive',
] as const;
export type OrderEvent = (typeof orderEvents)[number];

export const orderErrorCodes = {
  illegalTransition: 'order.illegalTransition',
  notForFulfillmentType: 'order.notForFulfillmentType',
} as const;

/** Orders handed over at the store; ship-from-store leaves by carrier instead. */
const handedOverInStore: ReadonlySet<FulfillmentType> = new Set([
  'pickup',
  'curbside',
  'reserve_and_collect',
  'ship_to_store',
]);

export function isHandedOverInStore(type: FulfillmentType): boolean {
  return handedOverInStore.has(type);
}

/** Ship-to-store goods arrive packed from a warehouse: the store receives them, never picks them. */
export function isPickedInStore(type: FulfillmentType): boolean {
  return type !== 'ship_to_store';
}

type Scope = 'inStore' | 'shipped' | 'picked' | 'inbound';
type Transition = { from: readonly OrderStatus[]; to: OrderStatus; only?: readonly Scope[] };

/**
 * The whole lifecycle in one table, so the client (optimistically) and the server
 * (with authority) cannot disagree about what may follow what.
 */
const transitions: Record<OrderEvent, Transition> = {
  claim: { from: ['new'], to: 'picking', only: ['picked'] },
  release: { from: ['picking'], to: 'new', only: ['picked'] },
  finishPick: { from: ['picking'], to: 'picked', only: ['picked'] },
  stage: { from: ['picked'], to: 'ready', only: ['inStore', 'picked'] },
  receive: { from: ['new'], to: 'ready', only: ['inbound'] },
  handover: { from: ['ready'], to: 'collected', only: ['inStore'] },
  pack: { from: ['picked'], to: 'packed', only: ['shipped'] },
  ship: { from: ['packed'], to: 'shipped', only: ['shipped'] },
  cancel: { from: ['new', 'picking', 'picked', 'ready', 'packed'], to: 'cancelled' },
  expire: { from: ['ready'], to: 'expired', only: ['inStore'] },
};

export const openStatuses: readonly OrderStatus[] = ['new', 'picking', 'picked', 'ready', 'packed'];
export const closedStatuses: readonly OrderStatus[] = ['collected', 'shipped', 'cancelled', 'expired'];

export function isOpen(status: OrderStatus): boolean {
  return openStatuses.includes(status);
}

function inScope(scope: Scope, type: FulfillmentType): boolean {
  if (scope === 'inStore') return isHandedOverInStore(type);
  if (scope === 'shipped') return !isHandedOverInStore(type);
  if (scope === 'picked') return isPickedInStore(type);
  return !isPickedInStore(type);
}

function appliesTo(rule: Transition, type: FulfillmentType): boolean {
  return (rule.only ?? []).every((scope) => inScope(scope, type));
}

/** The status an event leads to, or a DomainError with a stable code saying why not. */
export function nextStatus(
  order: { status: OrderStatus; fulfillmentType: FulfillmentType },
  event: OrderEvent,
): OrderStatus {
  const rule = transitions[event];
  if (!appliesTo(rule, order.fulfillmentType)) {
    throw new DomainError(
      orderErrorCodes.notForFulfillmentType,
      `An order of type ${order.fulfillmentType} cannot ${event}`,
      { event, fulfillmentType: order.fulfillmentType },
    );
  }
  if (!rule.from.includes(order.status)) {
    throw new DomainError(
      orderErrorCodes.illegalTransition,
      `An order that is ${order.status} cannot ${event}`,
      { event, from: order.status, allowedFrom: rule.from },
    );
  }
  return rule.to;
}

export function canApply(
  order: { status: OrderStatus; fulfillmentType: FulfillmentType },
  event: OrderEvent,
): boolean {
  const rule = transitions[event];
  return appliesTo(rule, order.fulfillmentType) && rule.from.includes(order.status);
}

/** For actions inside a state (picking a unit) rather than between states. */
export function assertStatus(
  order: { status: OrderStatus },
  allowed: readonly OrderStatus[],
  action: string,
): void {
  if (!allowed.includes(order.status)) {
    throw new DomainError(
      orderErrorCodes.illegalTransition,
      `An order that is ${order.status} cannot ${action}`,
      {
        event: action,
        from: order.status,
        allowedFrom: allowed,
      },
    );
  }
}
