import { and, inArray } from 'drizzle-orm';
import type { CommandReads } from '../../commands/define-command';
import type { ProductRef } from '../../commands/place-order';
import { available } from '../../domain/availability';
import { orders, products, stock, stores } from '../db/schema';
import type { OrderWork } from './order-work';
import { lockStoreVersion } from './store-version';
import { inTurn } from '../db/in-turn';

/** What the commands of a batch read of other stores, loaded before the first of them runs. */
export interface ElsewhereFacts {
  /** By id: the store's name, or null when there is none. */
  stores: ReadonlyMap<string, { name: string } | null>;
  /** By id: the catalogue price, or null when there is no such product. */
  products: ReadonlyMap<string, { priceCents: number } | null>;
  /** `storeId|productId` → what the store can promise, read under its lock (0 without a row). */
  stock: ReadonlyMap<string, number>;
  /** By external id: the order placed already, or null. */
  placed: ReadonlyMap<
    string,
    { orderId: string; orderNumber: string; storeId: string; requestHash: string | null } | null
  >;
}

export const stockFactKey = (storeId: string, productId: string) => `${storeId}|${productId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/** The product a reference names: its own id, or the product of a line of a held order. */
export function productIdOf(work: OrderWork, product: ProductRef): string | undefined {
  if ('productId' in product) return UUID.test(product.productId) ? product.productId : undefined;
  return work.peek(product.orderId)?.lines.find((l) => l.id === product.lineId)?.productId;
}

/**
 * Other stores, catalogue products, other stores' stock and orders placed already. Each store
 * whose stock is read is locked first (its store_sync row, in id order), as every writer of a
 * store's stock does, so the figures cannot move before this transaction places its orders;
 * locking writes nothing, so a refusal leaves no trace. The orders a line reference names must
 * be prefetched already.
 */
export async function loadElsewhereFacts(
  work: OrderWork,
  reads: readonly CommandReads[],
): Promise<ElsewhereFacts> {
  const { tx } = work;
  const stockReads = reads.flatMap((r) => r.stock ?? []);
  const storeIds = unique([...reads.flatMap((r) => r.stores ?? []), ...stockReads.map((s) => s.storeId)]);
  const productIds = unique(reads.flatMap((r) => r.products ?? [])).filter((id) => UUID.test(id));
  const externalIds = unique(reads.flatMap((r) => r.placements ?? []));

  const [storeRows, productRows, placedRows] = await inTurn([
    storeIds.length
      ? tx.select({ id: stores.id, name: stores.name }).from(stores).where(inArray(stores.id, storeIds))
      : [],
    productIds.length
      ? tx
          .select({ id: products.id, priceCents: products.priceCents })
          .from(products)
          .where(inArray(products.id, productIds))
      : [],
    externalIds.length
      ? tx
          .select({
            orderId: orders.id,
            orderNumber: orders.number,
            storeId: orders.storeId,
            externalId: orders.externalId,
            requestHash: orders.requestHash,
          })
          .from(orders)
          .where(inArray(orders.externalId, externalIds))
      : [],
  ]);
  const known = new Map(storeRows.map((s) => [s.id, { name: s.name }]));

  // Only stores that exist, and never this store: a command never places an order in its own.
  const wanted = stockReads.flatMap(({ storeId, product }) => {
    const productId = productIdOf(work, product);
    return known.has(storeId) && storeId !== work.storeId && productId ? [{ storeId, productId }] : [];
  });
  const locked = unique(wanted.map((w) => w.storeId)).sort();
  for (const storeId of locked) await lockStoreVersion(tx, storeId);
  const levels = wanted.length
    ? await tx
        .select({
          storeId: stock.storeId,
          productId: stock.productId,
          onHand: stock.onHand,
          reserved: stock.reserved,
          safetyStock: stock.safetyStock,
        })
        .from(stock)
        .where(
          and(
            inArray(stock.storeId, locked),
            inArray(stock.productId, unique(wanted.map((w) => w.productId))),
          ),
        )
    : [];
  const stockFacts = new Map(wanted.map((w) => [stockFactKey(w.storeId, w.productId), 0]));
  for (const level of levels) {
    const key = stockFactKey(level.storeId, level.productId);
    if (stockFacts.has(key)) stockFacts.set(key, available(level));
  }

  return {
    stores: new Map(storeIds.map((id) => [id, known.get(id) ?? null])),
    products: new Map([
      ...reads.flatMap((r) => r.products ?? []).map((id) => [id, null] as const),
      ...productRows.map((p) => [p.id, { priceCents: p.priceCents }] as const),
    ]),
    stock: stockFacts,
    placed: new Map([
      ...externalIds.map((id) => [id, null] as const),
      ...placedRows.map(({ externalId, ...order }) => [externalId, order] as const),
    ]),
  };
}
