import type { ReturnableOrder, ReturnSettings } from '../contract/returns';
import { db, type ReturnOrderRow } from './db';
import { getMeta, setMeta } from './meta';
import { emailKey, orderNumberKey, phoneDigits, searchOrders } from './return-order-search';

/** Orders kept for the return counter; the oldest beyond this are forgotten. */
export const KEEP_RETURN_ORDERS = 500;

export interface CachedReturnOrder {
  order: ReturnableOrder;
  /** Epoch ms it arrived on this device. */
  savedAt: number;
}

function rowOf(order: ReturnableOrder, keptBy: string, savedAt: number): ReturnOrderRow {
  return {
    ...order,
    numberKey: orderNumberKey(order.number),
    emailKey: emailKey(order.customerEmail),
    phoneDigits: phoneDigits(order.customerPhone),
    keptBy,
    savedAt,
  };
}

function orderOf(row: ReturnOrderRow): CachedReturnOrder {
  const { numberKey: _n, emailKey: _e, phoneDigits: _p, keptBy: _k, savedAt, ...order } = row;
  return { order, savedAt };
}

/** Keeps orders as the server just sent them, so they can be found and returned offline. */
export async function keepReturnOrders(
  orders: readonly ReturnableOrder[],
  keptBy: string,
  savedAt: number = Date.now(),
): Promise<void> {
  if (orders.length === 0) return;
  await db.transaction('rw', db.returnOrders, async () => {
    await db.returnOrders.bulkPut(orders.map((order) => rowOf(order, keptBy, savedAt)));
    const stale = await db.returnOrders.orderBy('savedAt').reverse().offset(KEEP_RETURN_ORDERS).primaryKeys();
    if (stale.length > 0) await db.returnOrders.bulkDelete(stale);
  });
}

export async function readReturnOrder(orderId: string, keptBy: string): Promise<CachedReturnOrder | null> {
  const row = await db.returnOrders.get(orderId);
  return row && row.keptBy === keptBy ? orderOf(row) : null;
}

/** The same search as the server's, over the orders this device kept for this store. */
export async function searchReturnOrdersOnDevice(
  query: string,
  keptBy: string,
): Promise<CachedReturnOrder[]> {
  const rows = await db.returnOrders.filter((row) => row.keptBy === keptBy).toArray();
  return searchOrders(rows, query).map(orderOf);
}

export async function keepReturnSettings(value: ReturnSettings, savedAt: number = Date.now()): Promise<void> {
  await setMeta('returnSettings', { value, savedAt });
}

export async function readReturnSettings(): Promise<{ value: ReturnSettings; savedAt: number } | null> {
  return (await getMeta('returnSettings')) ?? null;
}
