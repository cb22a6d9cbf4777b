import { orderErrorCodes as wireOrderErrors } from '../contract/error-codes';
import type { CommandName } from '../contract/sync';
import type { SyncOrder } from '../contract/sync';
import { DomainError, isDomainError } from '../domain/domain-error';
import { isExpectedParcel, receiveErrorCodes } from '../domain/inbound-parcel';
import { assertStatus, nextStatus } from '../domain/order-machine';
import type { ShortReason } from '../domain/picking';
import {
  applyPick,
  applyShort,
  findLine,
  isPickComplete,
  matchScanOnOrder,
  pickedUnits,
} from '../domain/picking';
import { packedStatus, packPackages, shippedStatus, type PackageInput } from '../domain/packing';
import { assertPutBackDue } from '../domain/put-back';
import { assertCanResolveShort } from '../domain/reroute';
import type { OutboxRecord } from './outbox-record';
import { isFolded } from './outbox-record';

/** The part of an outbox record the reducers need. */
export type OverlayCommand = Pick<
  OutboxRecord,
  'name' | 'args' | 'associateId' | 'associateName' | 'createdAt'
>;

/**
 * Facts only the replica knows. When folding they are left out (the command was already
 * checked when it was enqueued); when checking a new command they decide wrongItem vs
 * unknownCode and unknown shelves offline.
 */
export interface OverlayFacts {
  isKnownProduct?: (gtin14: string) => boolean;
  locationExists?: (code: string) => boolean;
}

type Line = SyncOrder['lines'][number];

function assertClaimedBy(order: SyncOrder, associateId: string): void {
  if (order.claimedBy?.id !== associateId) {
    throw new DomainError(wireOrderErrors.notClaimedByYou, 'Claim this order before working on it', {
      claimedBy: order.claimedBy?.id ?? null,
    });
  }
}

/** Same rule as the server's finishIfComplete: picked when resolved, cancelled if nothing was found. */
function withLines(order: SyncOrder, lines: Line[]): SyncOrder {
  const next = { ...order, lines, pickedUnits: pickedUnits(lines) };
  if (!isPickComplete(lines)) return next;
  if (pickedUnits(lines) === 0) {
    return { ...next, status: nextStatus(order, 'cancel'), cancelReason: 'nothing_available' };
  }
  return { ...next, status: nextStatus(order, 'finishPick') };
}

const replaceLine = (lines: readonly Line[], line: Line) => lines.map((l) => (l.id === line.id ? line : l));

type Reducer = (order: SyncOrder, command: OverlayCommand, facts: OverlayFacts) => SyncOrder;

const reducers: Record<CommandName, Reducer> = {
  'order.claim': (order, c) => {
    if (order.status === 'picking' && order.claimedBy?.id === c.associateId) return order;
    if (order.status === 'picking' && order.claimedBy) {
      throw new DomainError(wireOrderErrors.claimedByOther, 'Another associate is picking this order');
    }
    const status = nextStatus(order, 'claim');
    return { ...order, status, claimedBy: { id: c.associateId, name: c.associateName } };
  },
  'pick.confirm': (order, c, facts) => {
    const line = matchScanOnOrder(
      order,
      String(c.args.code),
      order.lines,
      facts.isKnownProduct ?? (() => false),
    );
    assertClaimedBy(order, c.associateId);
    const picked = applyPick(line, Number(c.args.qty));
    return withLines(order, replaceLine(order.lines, picked));
  },
  'pick.short': (order, c) => {
    assertStatus(order, ['picking'], 'short');
    assertClaimedBy(order, c.associateId);
    const line = findLine(order.lines, String(c.args.lineId));
    const shorted = { ...applyShort(line, Number(c.args.qty)), shortReason: c.args.reason as ShortReason };
    return withLines(order, replaceLine(order.lines, shorted));
  },
  'order.stage': (order, c, facts) => {
    const status = nextStatus(order, 'stage');
    const code = String(c.args.locationCode).trim().toUpperCase();
    if (facts.locationExists && !facts.locationExists(code)) {
      throw new DomainError(wireOrderErrors.unknownLocation, `No staging location ${code} in this store`, {
        code,
      });
    }
    return { ...order, status, stagingLocation: code, readyAt: c.createdAt };
  },
  // Same checks as the server's receiveOrder, in the same order.
  'order.receive': (order, c, facts) => {
    const status = nextStatus(order, 'receive');
    if (!isExpectedParcel(String(c.args.code), order.inboundTracking)) {
      throw new DomainError(receiveErrorCodes.wrongParcel, 'This parcel is not the one the order waits for');
    }
    const code = String(c.args.locationCode).trim().toUpperCase();
    if (facts.locationExists && !facts.locationExists(code)) {
      throw new DomainError(wireOrderErrors.unknownLocation, `No staging location ${code} in this store`, {
        code,
      });
    }
    return { ...order, status, stagingLocation: code, readyAt: c.createdAt };
  },
  'order.handover': (order, c) => ({
    ...order,
    status: nextStatus(order, 'handover'),
    collectedAt: c.createdAt,
  }),
  'order.putBack': (order, c) => {
    assertPutBackDue(order, order.lines);
    return { ...order, putBackAt: c.createdAt };
  },
  // A booked label is what the replica last pulled: a re-pack after it is refused here too.
  'order.pack': (order, c) => {
    const status = packedStatus(order, Boolean(order.shipment));
    const packages = packPackages(c.args.packages as PackageInput[]);
    return { ...order, status, packages, packedAt: c.createdAt, shipment: null };
  },
  // Whether a label exists is the server's to say (it may have been booked on another device).
  'order.ship': (order, c) => ({
    ...order,
    status: shippedStatus(order, undefined),
    shippedAt: c.createdAt,
  }),
  // Its own entity (reservation:<id>): it makes an order at ANOTHER store, never one of this
  // replica, so it changes no order here (src/local-db/reservations.ts shows it).
  'stock.reserveElsewhere': (order) => order,
  // Optimistic: the new order's number is the server's to say, so it is empty until the pull.
  'order.reroute': (order, c) => {
    const line = findLine(order.lines, String(c.args.lineId));
    assertCanResolveShort({
      ...line,
      reroutedTo: line.reroutedTo?.orderId ?? null,
      customerNotified: !!line.customerNotified,
    });
    const storeId = String(c.args.toStoreId);
    const reroutedTo = { orderId: '', orderNumber: '', storeId, storeName: storeId };
    return { ...order, lines: replaceLine(order.lines, { ...line, reroutedTo }) };
  },
  'order.cancelLine': (order, c) => {
    const line = findLine(order.lines, String(c.args.lineId));
    assertCanResolveShort({
      ...line,
      reroutedTo: line.reroutedTo?.orderId ?? null,
      customerNotified: !!line.customerNotified,
    });
    return { ...order, lines: replaceLine(order.lines, { ...line, customerNotified: true }) };
  },
  // Its own entity (return:<id>), and often another store's order: a return changes nothing the
  // replica's order shows (its lines stay picked and collected); local-returns.ts shows it.
  'return.submit': (order) => order,
  // Its own entity (the arrival): the order is unchanged; the alert folds it (customer-arrivals.ts).
  'arrival.acknowledge': (order) => order,
};

/** One command on top of an order; throws the DomainError the server would answer with. */
export function applyCommand(order: SyncOrder, command: OverlayCommand, facts: OverlayFacts = {}): SyncOrder {
  return reducers[command.name](order, command, facts);
}

export interface OverlaidOrder {
  order: SyncOrder;
  /** Ids of the commands shown on top of the server state. */
  foldedIds: string[];
}

/**
 * Server state plus this device's commands that the server state does not include yet, in
 * enqueue order. A command that no longer applies (another device got there first) is skipped:
 * the server will refuse it too, and the rejection shows in "Needs attention".
 */
export function foldOverlay(
  order: SyncOrder,
  records: readonly OutboxRecord[],
  pulledSeq: number,
): OverlaidOrder {
  const foldedIds: string[] = [];
  let current = order;
  const sorted = [...records].sort((a, b) => a.localOrder - b.localOrder);
  for (const record of sorted) {
    if (record.args.orderId !== order.id || !isFolded(record, pulledSeq)) continue;
    try {
      current = applyCommand(current, record);
      foldedIds.push(record.id);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return { order: current, foldedIds };
}
