import type { ZodType } from 'zod';
import type { OrderTx } from './order-tx';
import type { ProductRef } from './place-order';

/**
 * What a command reads, declared from its arguments alone, so each side can load it before the
 * command runs: the server locks and loads a whole push batch's orders and facts in a fixed
 * number of statements, the device reads its replica in the transaction that queues.
 */
export interface CommandReads {
  orders?: readonly string[];
  gtins?: readonly string[];
  locations?: readonly string[];
  labels?: readonly string[];
  parcels?: readonly { orderId: string; code: string }[];
  pickups?: readonly { orderId: string; code: string }[];
  arrivals?: readonly { arrivalId: string; orderId: string }[];
  /** Other stores of the chain, by id. */
  stores?: readonly string[];
  /** Catalogue products, by id. */
  products?: readonly string[];
  /** Another store's stock of a product, read under that store's lock so it holds until commit. */
  stock?: readonly { storeId: string; product: ProductRef }[];
  /** External ids of orders the command places elsewhere: a resend finds the order placed already. */
  placements?: readonly string[];
  /** Returns taken for an order of any store: the order, its history, the return if recorded. */
  returns?: readonly { returnId: string; orderId: string }[];
  /** Managers' approvals the command carries, to have their signatures checked. */
  approvals?: readonly string[];
  /** Whether the command asks who the store's active managers are. */
  managers?: boolean;
  /** Whether the command may pay a refund (the payment adapter): substitutions settled at staging. */
  payments?: boolean;
}

/**
 * One command, written once. The device runs `apply` optimistically on its replica, the server
 * with authority; both sides load `reads(args)` first, so `apply` is synchronous and pure.
 */
export interface CommandDefinition<N extends string = string, A = unknown, R = unknown> {
  name: N;
  /** The version the device queues today. */
  v: number;
  /**
   * Earlier versions still accepted, each turning its arguments into the next version's, so a
   * device that queued work under an older release drains it after an upgrade (ADR 0027).
   */
  upcasts?: Readonly<Record<number, (args: unknown) => unknown>>;
  /** Loaded when first needed, so the schema library stays off the first screen. */
  validator(): Promise<ZodType<A>>;
  /** Outbox keys of what it acts on: a refusal blocks the later commands on the same keys. */
  entityKeys(args: A): string[];
  reads(args: A): CommandReads;
  apply(tx: OrderTx, args: A): R;
}

export function defineCommand<N extends string, A, R>(
  definition: CommandDefinition<N, A, R>,
): CommandDefinition<N, A, R> {
  return definition;
}

export const orderEntity = (orderId: string) => `order:${orderId}`;
/** A reservation at another store is its own entity: its refusal blocks nothing else. */
export const reservationEntity = (reservationId: string) => `reservation:${reservationId}`;
/** A return is its own entity: its refusal blocks no pick or handover of the order. */
export const returnEntity = (returnId: string) => `return:${returnId}`;
