import type { CommandReads } from '../commands/define-command';
import type { CatalogueProduct } from '../commands/order-tx';
import type { ProductRef } from '../commands/place-order';
import { factKey, stockKey, type ReplicaFacts } from '../commands/replica-tx';
import type { ReturnOrderFacts, ReturnRules } from '../commands/return-order';
import type { SyncOrder } from '../contract/sync';
import type { ReplicaProduct } from './db';
import { isDomainError, type DomainError } from '../domain/domain-error';
import type { ShelfOccupancy } from '../domain/shelf';
import { checkPickupOffline } from './pickup-check';

/** The replica's catalogue rows as commands read products (a substitute's price and names). */
export function catalogueOf(products: readonly ReplicaProduct[]): Map<string, CatalogueProduct> {
  return new Map(
    products.map((p) => [
      p.gtin14,
      {
        productId: p.id,
        sku: p.sku,
        gtin14: p.gtin14,
        nameEn: p.nameEn,
        nameIt: p.nameIt,
        priceCents: p.priceCents,
      },
    ]),
  );
}

/** What a device holds that a command may read: its replica, read by key. */
export interface ReplicaView {
  order(orderId: string): SyncOrder | undefined;
  /** GTIN-14s of the catalogue, of those asked. */
  knownGtins: ReadonlySet<string>;
  /** Those products of the catalogue, by GTIN-14. */
  catalogue?: ReadonlyMap<string, CatalogueProduct>;
  /** Staging codes of the store, of those asked. */
  locations: ReadonlySet<string>;
  /** Those shelves' capacity and the orders ready on them, unsynced staging included. */
  shelves: ReadonlyMap<string, ShelfOccupancy>;
  arrival(arrivalId: string): { orderId: string; acknowledgedBy: string | null } | undefined;
  /** Another store's availability, as the associate was shown it (a stock lookup). */
  stockShown?(storeId: string, product: ProductRef): number | undefined;
  /** An order the return counter cached, of any store. */
  returnOrder?(orderId: string): ReturnOrderFacts | undefined;
  returnRules?: ReturnRules;
}

/**
 * The facts a device brings to a command it queues: what its replica knows of what the command
 * declared in `reads`. The same function serves the app (src/local-db/enqueue.ts) and the
 * parity test, so both predict with the same knowledge. The parcel parser is loaded on demand,
 * to keep GS1 off the first screen.
 */
export async function deviceFacts(
  reads: CommandReads,
  replica: ReplicaView,
  checkPickup: (code: string, order: SyncOrder) => Promise<void> = checkPickupOffline,
): Promise<ReplicaFacts> {
  const parcels = new Map<string, boolean>();
  if (reads.parcels?.length) {
    const { isExpectedParcel } = await import('../domain/inbound-parcel');
    for (const { orderId, code } of reads.parcels) {
      const order = replica.order(orderId);
      if (order) parcels.set(factKey(orderId, code), isExpectedParcel(code, order.inboundTracking));
    }
  }
  const pickups = new Map<string, DomainError | null>();
  for (const { orderId, code } of reads.pickups ?? []) {
    const order = replica.order(orderId);
    if (!order) continue;
    try {
      await checkPickup(code, order);
      pickups.set(factKey(orderId, code), null);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      pickups.set(factKey(orderId, code), error);
    }
  }
  const arrivals = new Map<string, { orderId: string; acknowledgedBy: string | null }>();
  for (const { arrivalId } of reads.arrivals ?? []) {
    const arrival = replica.arrival(arrivalId);
    if (arrival) arrivals.set(arrivalId, arrival);
  }
  const stock = new Map<string, number>();
  for (const { storeId, product } of reads.stock ?? []) {
    const shown = replica.stockShown?.(storeId, product);
    if (shown !== undefined) stock.set(stockKey(storeId, product), shown);
  }
  const returnOrders = new Map<string, ReturnOrderFacts>();
  for (const { orderId } of reads.returns ?? []) {
    const cached = replica.returnOrder?.(orderId);
    if (cached) returnOrders.set(orderId, cached);
  }
  return {
    knownGtins: replica.knownGtins,
    ...(replica.catalogue ? { catalogue: replica.catalogue } : {}),
    locations: replica.locations,
    shelves: replica.shelves,
    parcels,
    pickups,
    arrivals,
    stock,
    returnOrders,
    ...(replica.returnRules ? { returnRules: replica.returnRules } : {}),
  };
}
