import { DomainError } from './domain-error';

export const fulfillmentTypes = ['pickup', 'curbside', 'ship_from_store', 'reserve_and_collect'] as const;
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
]);

export function isHandedOverInStore(type: FulfillmentType): boolean {
  return handedOverInStore.has(type);
}

type Transition = { from: readonly OrderStatus[]; to: OrderStatus; only?: 'inStore' | 'shipped' };

/**
 * The whole lifecycle in one table, so the client (optimistically) and the server
 * (with authority) cannot disagree about what may follow what.
 */
const transitions: Record<OrderEvent, Transition> = {
  claim: { from: ['new'], to: 'picking' },
  release: { from: ['picking'], to: 'new' },
  finishPick: { from: ['picking'], to: 'picked' },
  stage: { from: ['picked'], to: 'ready', only: 'inStore' },
  handover: { from: ['ready'], to: 'collected', only: 'inStore' },
  pack: { from: ['picked'], to: 'packed', only: 'shipped' },
  ship: { from: ['packed'], to: 'shipped', only: 'shipped' },
  cancel: { from: ['new', 'picking', 'picked', 'ready', 'packed'], to: 'cancelled' },
  expire: { from: ['ready'], to: 'expired', only: 'inStore' },
};

export const openStatuses: readonly OrderStatus[] = ['new', 'picking', 'picked', 'ready', 'packed'];
export const closedStatuses: readonly OrderStatus[] = ['collected', 'shipped', 'cancelled', 'expired'];

export function isOpen(status: OrderStatus): boolean {
  return openStatuses.includes(status);
}

function appliesTo(rule: Transition, type: FulfillmentType): boolean {
  if (rule.only === 'inStore') return isHandedOverInStore(type);
  if (rule.only === 'shipped') return !isHandedOverInStore(type);
  return true;
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
