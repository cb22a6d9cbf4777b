import { and, asc, eq, gt, inArray, isNull, notExists } from 'drizzle-orm';
import { toCatalogueColumns, type CatalogueRow } from '../../contract/catalogue';
import type { PullResponse } from '../../contract/sync';
import type { Principal } from '../core/tokens';
import type { Db, Executor } from '../db/client';
import { loadArrivals } from '../core/arrival-views';
import { pickupArrivals, products, stagingLocations, stock, orders } from '../db/schema';
import { loadOrderDetails, queueOrderIds } from '../core/order-views';
import { currentStoreVersion } from '../core/store-version';
import { productColumns, locationColumns } from '../db/product-columns';
import { ownClient } from './pull-service';
import { pickupKeyIdOf, type PickupCodeKeys } from '../core/pickup-code-keys';

/**
 * A first sync in pages (ADR 0052). Page 1 reads the store at version V in one repeatable-read
 * transaction: its orders, shelves, waiting customers, the device's last processed command and
 * a first share of the catalogue. Later pages carry the rest of the catalogue, in SKU order,
 * each from where the last one stopped. Every page answers `cursor: v2:V`, which the device
 * keeps once the last page is in: the ordinary delta from V then brings whatever changed while
 * it paged, so nothing is missed. A page read later than V is only ever newer, never older.
 */

/** Products per page: about 140 kB of gzip with the chain's catalogue. */
export const SNAPSHOT_PAGE_SIZE = 5_000;

/** Where a snapshot stands: its version, the seq read with it, and the next page. */
export interface SnapshotCursor {
  version: number;
  seq: number;
  /** The page this cursor asks for (2, 3…). */
  page: number;
  /** The SKU the previous page ended with. */
  afterSku: string;
}

const PREFIX = 's1:';
/** A SKU as this server writes them: printable ASCII, no more than a column holds. */
const SKU_TEXT = /^[\x20-\x7e]{1,128}$/;

export function writeSnapshotCursor(cursor: SnapshotCursor): string {
  const sku = Buffer.from(cursor.afterSku, 'utf8').toString('base64url');
  return `${PREFIX}${cursor.version}.${cursor.seq}.${cursor.page}.${sku}`;
}

/**
 * The snapshot page a cursor asks for, or undefined for any other cursor (a delta's, or one this
 * server cannot have written: the device then gets page 1 of a new snapshot, never an error).
 */
export function readSnapshotCursor(text: string | undefined): SnapshotCursor | undefined {
  if (!text?.startsWith(PREFIX)) return undefined;
  const parts = text.slice(PREFIX.length).split('.');
  if (parts.length !== 4) return undefined;
  const [version, seq, page] = parts.slice(0, 3).map(Number) as [number, number, number];
  const afterSku = Buffer.from(parts[3]!, 'base64url').toString('utf8');
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!whole(version) || !whole(seq) || !whole(page) || page < 2 || !SKU_TEXT.test(afterSku))
    return undefined;
  return { version, seq, page, afterSku };
}

export const isSnapshotCursor = (text: string | undefined): boolean => text?.startsWith(PREFIX) ?? false;

/** The products the store sells (a stock row there), after a SKU, in SKU order. */
async function cataloguePage(
  tx: Executor,
  storeId: string,
  afterSku: string,
  limit: number,
): Promise<CatalogueRow[]> {
  return tx
    .select({
      id: products.id,
      sku: products.sku,
      gtin14: products.gtin14,
      brand: products.brand,
      nameIt: products.nameIt,
      nameEn: products.nameEn,
      size: products.size,
      priceCents: products.priceCents,
      aisle: stock.aisle,
      bay: stock.bay,
    })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(and(eq(stock.storeId, storeId), gt(products.sku, afterSku)))
    .orderBy(asc(products.sku))
    .limit(limit);
}

/** What page 1 carries besides the catalogue: the store's work at the snapshot's version. */
async function storeAt(
  tx: Executor,
  principal: Principal,
  clientId: string | undefined,
  pickupCodes: PickupCodeKeys,
) {
  const { storeId } = principal;
  const details = await loadOrderDetails(tx, storeId, await queueOrderIds(tx, storeId));
  const digests = await pickupCodes.digestsOf(
    tx,
    storeId,
    details.map((o) => o.id),
  );
  const gtins = [...new Set(details.flatMap((o) => o.lines.map((l) => l.gtin14)))];
  // The orders' products the store does not stock (a parcel from another store): the catalogue
  // pages bring the others.
  const unstocked = gtins.length
    ? await tx
        .select(productColumns)
        .from(products)
        .where(
          and(
            inArray(products.gtin14, gtins),
            notExists(
              tx
                .select({ one: stock.productId })
                .from(stock)
                .where(and(eq(stock.storeId, storeId), eq(stock.productId, products.id))),
            ),
          ),
        )
    : [];
  const locations = await tx
    .select(locationColumns)
    .from(stagingLocations)
    .where(eq(stagingLocations.storeId, storeId));
  const customerArrivals = await loadArrivals(
    tx,
    storeId,
    and(isNull(pickupArrivals.handedOverAt), eq(orders.status, 'ready')),
  );
  const client = await ownClient(tx, principal, clientId);
  return {
    orders: details.map((o) => ({ ...o, pickupCodeDigest: digests.get(o.id) ?? '' })),
    products: unstocked,
    locations,
    customerArrivals,
    seq: client?.lastSeq ?? 0,
    keyIds: new Set(details.map((o) => pickupKeyIdOf(o.placedAt))),
  };
}

/**
 * One page of a snapshot: page 1 without a snapshot cursor (or with one from a version the store
 * has not reached, as after a database restore), else the page the cursor names.
 */
export async function snapshotPage(
  db: Db,
  principal: Principal,
  query: { cursor?: string | undefined; clientId?: string | undefined },
  pickupCodes: PickupCodeKeys,
  pageSize: number = SNAPSHOT_PAGE_SIZE,
): Promise<PullResponse> {
  const { storeId } = principal;
  return db.transaction(
    async (tx) => {
      const current = await currentStoreVersion(tx, storeId);
      const asked = readSnapshotCursor(query.cursor);
      const at = asked && asked.version <= current ? asked : undefined;
      const version = at?.version ?? current;
      const first = at ? undefined : await storeAt(tx, principal, query.clientId, pickupCodes);
      const seq = at?.seq ?? first?.seq ?? 0;
      const page = at?.page ?? 1;
      const rows = await cataloguePage(tx, storeId, at?.afterSku ?? '', pageSize + 1);
      const more = rows.length > pageSize;
      const shown = more ? rows.slice(0, pageSize) : rows;
      const next = more
        ? writeSnapshotCursor({ version, seq, page: page + 1, afterSku: shown.at(-1)!.sku })
        : null;
      return {
        cursor: `v2:${version}`,
        reset: true,
        storeId,
        orders: first?.orders ?? [],
        stock: [],
        products: first?.products ?? [],
        locations: first?.locations ?? [],
        customerArrivals: first?.customerArrivals ?? [],
        lastProcessedSeq: seq,
        serverTime: new Date().toISOString(),
        pickupCodeKeys: pickupCodes.keysFor(storeId, first?.keyIds ?? []),
        catalogue: toCatalogueColumns(shown),
        page: { n: page, next },
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
