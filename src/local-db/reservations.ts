import { reservationEntity } from '../commands/define-command';
import { stockKey } from '../commands/replica-tx';
import type { ReserveElsewhereArgs, ReserveElsewhereResult } from '../contract/reservations';
import { queueWithRow } from './queue-with-row';
import { db, type ReservationRow } from './db';
import type { Actor } from './enqueue';
import type { CommandError, OutboxRecord } from './outbox-record';

/** A reservation is its own entity in the outbox: its refusal blocks nothing else. */
export const reservationKey = reservationEntity;

export type ReservationState = 'saved' | 'sending' | 'confirmed' | 'refused' | 'discarded';

export interface ReservationView {
  reservation: ReservationRow;
  state: ReservationState;
  /** The latest command carrying it (a "send again" makes a new one). */
  command: OutboxRecord;
  /** Once the other store has the order. */
  orderNumber: string | null;
  error: CommandError | null;
}

export interface NewReservation {
  args: ReserveElsewhereArgs;
  store: ReservationRow['store'];
  product: ReservationRow['product'];
  availableShown: number;
  actor: Actor;
}

/**
 * Queues `stock.reserveElsewhere` and keeps what the associate saw (store, product), in one
 * transaction: the customer leaves with the code, and the command goes out when it can. It is
 * checked against the availability the associate was shown. Its optimistic effect is only this
 * entry in the device's list, pending; the order itself exists once the other store has it.
 */
export async function queueReservation(input: NewReservation): Promise<ReservationRow> {
  const createdAt = new Date().toISOString();
  const row: ReservationRow = {
    id: input.args.reservationId,
    fromStoreId: input.actor.storeId,
    associateId: input.actor.id,
    createdAt,
    args: input.args,
    store: input.store,
    product: input.product,
    availableShown: input.availableShown,
  };
  await queueWithRow({
    name: 'stock.reserveElsewhere',
    args: input.args,
    actor: input.actor,
    orderNumber: null,
    createdAt,
    facts: {
      stock: new Map([
        [stockKey(input.args.storeId, { productId: input.args.productId }), input.availableShown],
      ]),
    },
    table: db.reservations,
    row,
  });
  return row;
}

function stateOf(command: OutboxRecord): ReservationState {
  if (command.resolution === 'discarded') return 'discarded';
  switch (command.status) {
    case 'acked':
      return 'confirmed';
    case 'rejected':
    case 'blocked':
      return 'refused';
    case 'inflight':
      return 'sending';
    default:
      return 'saved';
  }
}

async function viewOf(reservation: ReservationRow): Promise<ReservationView | null> {
  const commands = await db.outbox.where('entityKeys').equals(reservationKey(reservation.id)).toArray();
  const command = commands.sort((a, b) => b.localOrder - a.localOrder)[0];
  // Its command was pruned a day after it settled: the reservation leaves the list with it.
  if (!command) return null;
  const state = stateOf(command);
  const result = command.result as ReserveElsewhereResult | null | undefined;
  return {
    reservation,
    state,
    command,
    orderNumber: state === 'confirmed' ? (result?.orderNumber ?? null) : null,
    error: state === 'refused' ? (command.lastError ?? null) : null,
  };
}

/** One reservation with the state of its command, for the confirmation screen (a live query). */
export async function readReservation(reservationId: string): Promise<ReservationView | null> {
  return db.transaction('r', [db.reservations, db.outbox], async () => {
    const row = await db.reservations.get(reservationId);
    return row ? viewOf(row) : null;
  });
}

/** The reservations made on this device for this store, newest first. */
export async function readReservations(fromStoreId: string): Promise<ReservationView[]> {
  return db.transaction('r', [db.reservations, db.outbox], async () => {
    const rows = await db.reservations.orderBy('createdAt').reverse().toArray();
    const views = await Promise.all(rows.filter((r) => r.fromStoreId === fromStoreId).map(viewOf));
    return views.filter((view): view is ReservationView => view !== null);
  });
}

/** Forgets the reservations whose commands the outbox no longer keeps (settled a day ago). */
export async function pruneReservations(): Promise<void> {
  await db.transaction('rw', [db.reservations, db.outbox], async () => {
    const rows = await db.reservations.toArray();
    const gone: string[] = [];
    for (const row of rows) {
      if ((await db.outbox.where('entityKeys').equals(reservationKey(row.id)).count()) === 0)
        gone.push(row.id);
    }
    if (gone.length > 0) await db.reservations.bulkDelete(gone);
  });
}
