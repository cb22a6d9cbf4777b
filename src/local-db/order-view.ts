import type { SyncOrder } from '../contract/sync';
import { putBackTask, type PutBackTask } from './put-back-task';

/** An order as the screens show it: the server's copy with this device's commands on top. */
export interface OrderView {
  order: SyncOrder;
  /** Commands shown on top of the server state; the pick screen waits for its own to render. */
  foldedIds: string[];
  putBack: PutBackTask | null;
  /** Actions on this order not synced yet. */
  unsynced: number;
  /** This device's actions on the order that the server refused or that are blocked, awaiting a decision. */
  attentionIds: string[];
}

/** The view of an order this device has queued nothing on: the server's copy as it is. */
export function settledView(order: SyncOrder): OrderView {
  return { order, foldedIds: [], putBack: putBackTask(order, order, []), unsynced: 0, attentionIds: [] };
}
