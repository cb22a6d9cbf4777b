import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PullResponse } from '../../contract/sync';
import type { Principal } from '../core/tokens';
import type { Db, Executor } from '../db/client';
import { loadArrivals } from '../core/arrival-views';
import { pickupArrivals, products, stagingLocations, stock, syncClients, orders } from '../db/schema';
import { iso } from '../db/time';
import { loadOrderDetails, queueOrderIds } from '../core/order-views';
import { currentStoreVersion } from '../core/store-version';
import { productColumns, locationColumns } from '../db/product-columns';
import { assertOwnClient } from './push-service';
import { pickupKeyIdOf, type PickupCodeKeys } from '../core/pickup-code-keys';

/**
 * The store version a cursor names. A v1 cursor comes from a server that sent unkeyed pickup
 * digests: it gets a full snapshot, so the device's replica holds keyed ones only (ADR 0025).
 */
export function parseCursor(cursor: string | undefined): number | undefined {
  return cursor === undefined || !cursor.startsWith('v2:') ? undefined : Number(cursor.slice('v2:'.length));
}

/**
 * The answer to a pull whose cursor is at the store's current version (PokeHub knows it from the
 * NOTIFYs): nothing changed, so the device's replica and its `seq` (the lastProcessedSeq of the
 * pull that gave the cursor) still go together, and both are sent back as they came.
 */
export function nothingNew(
  principal: Principal,
  cursor: string,
  seq: number,
  pickupCodes: PickupCodeKeys,
): PullResponse {
  return {
    cursor,
    reset: false,
    storeId: principal.storeId,
    orders: [],
    stock: [],
    products: [],
    locations: [],
    customerArrivals: [],
    lastProcessedSeq: seq,
    serverTime: new Date().toISOString(),
    pickupCodeKeys: pickupCodes.keysFor(principal.storeId, []),
  };
}

/**
 * What changed in the store since the cursor: every row stamped with a store version in
 * (cursor, now]. Without a cursor, or with one from the future (a restored database), the
 * answer is a full snapshot that replaces the device's replica.
 */
export async function pullChanges(
  db: Db,
  principal: Principal,
  query: { cursor?: string | undefined; clientId?: string | undefined },
  pickupCodes: PickupCodeKeys,
): Promise<PullResponse> {
  const { storeId } = principal;
  return db.transaction(
    async (tx) => {
      const version = await currentStoreVersion(tx, storeId);
      const since = parseCursor(query.cursor);
      const reset = since === undefined || since > version;
      const window = (column: AnyPgColumn) =>
        reset ? undefined : and(gt(column, since as number), lte(column, version));

      const orderIds = reset
        ? await queueOrderIds(tx, storeId)
        : (
            await tx
              .select({ id: orders.id })
              .from(orders)
              .where(and(eq(orders.storeId, storeId), window(orders.syncVersion)))
          ).map((r) => r.id);
      const details = await loadOrderDetails(tx, storeId, orderIds);
      const digests = await pickupCodes.digestsOf(
        tx,
        storeId,
        details.map((o) => o.id),
      );
      const changedOrders = details.map((o) => ({ ...o, pickupCodeDigest: digests.get(o.id) ?? '' }));
      const keyIds = new Set(details.map((o) => pickupKeyIdOf(o.placedAt)));

      const stockRows = await tx
        .select({
          productId: stock.productId,
          onHand: stock.onHand,
          reserved: stock.reserved,
          safetyStock: stock.safetyStock,
          aisle: stock.aisle,
          bay: stock.bay,
          updatedAt: stock.updatedAt,
        })
        .from(stock)
        .where(and(eq(stock.storeId, storeId), window(stock.syncVersion)));

      // The products the changed lines name, and those of the changed stock: a product the store
      // has just begun to stock is on no device that took its first sync in pages (ADR 0052).
      const changedGtins = [...new Set(changedOrders.flatMap((o) => o.lines.map((l) => l.gtin14)))];
      const stockedIds = stockRows.map((r) => r.productId);
      const productRows = reset
        ? await tx.select(productColumns).from(products)
        : changedGtins.length || stockedIds.length
          ? await tx
              .select(productColumns)
              .from(products)
              .where(
                or(
                  changedGtins.length ? inArray(products.gtin14, changedGtins) : undefined,
                  stockedIds.length ? inArray(products.id, stockedIds) : undefined,
                ),
              )
          : [];

      const locations = await tx
        .select(locationColumns)
        .from(stagingLocations)
        .where(and(eq(stagingLocations.storeId, storeId), window(stagingLocations.syncVersion)));

      // A snapshot holds the customers still waiting; a delta every arrival that changed, served
      // ones included, so devices drop them.
      const customerArrivals = await loadArrivals(
        tx,
        storeId,
        reset
          ? and(isNull(pickupArrivals.handedOverAt), eq(orders.status, 'ready'))
          : window(pickupArrivals.syncVersion),
      );

      const client = await ownClient(tx, principal, query.clientId);

      return {
        cursor: `v2:${version}`,
        reset,
        storeId,
        orders: changedOrders,
        stock: stockRows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })),
        products: productRows,
        locations,
        customerArrivals,
        lastProcessedSeq: client?.lastSeq ?? 0,
        serverTime: new Date().toISOString(),
        pickupCodeKeys: pickupCodes.keysFor(storeId, keyIds),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * The device's sync stream, read in the pull's snapshot so its lastSeq goes with the rows; a
 * stream of another device or store is refused (ADR 0030). Undefined before its first push.
 */
export async function ownClient(
  tx: Executor,
  principal: Principal,
  clientId: string | undefined,
): Promise<{ lastSeq: number } | undefined> {
  if (!clientId) return undefined;
  const [client] = await tx
    .select({ lastSeq: syncClients.lastSeq, storeId: syncClients.storeId, deviceId: syncClients.deviceId })
    .from(syncClients)
    .where(eq(syncClients.clientId, clientId));
  if (client) assertOwnClient(client, principal);
  return client;
}
