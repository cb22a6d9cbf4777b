import type { ReserveElsewhereArgs } from '../../contract/reservations';
import type { OtherStoreStock } from '../../contract/stock';
import type { ProductRow } from '../../contract/sync';
import { pickupCodeFrom, type WalkInCustomer } from '../../domain/reservation';
import type { Actor } from '../../local-db/enqueue';
import { queueReservation } from '../../local-db/reservations';

/** Six digits the customer can be told at once, from the device's cryptographic random source. */
export function newPickupCode(): string {
  const buffer = new Uint32Array(1);
  return pickupCodeFrom(() => crypto.getRandomValues(buffer)[0]!);
}

export interface ReserveInput {
  product: ProductRow;
  other: OtherStoreStock;
  customer: WalkInCustomer;
  qty: number;
  actor: Actor;
}

/** Queues the reservation (works offline) and answers its id, for the confirmation screen. */
export async function reserveAtStore({
  product,
  other,
  customer,
  qty,
  actor,
}: ReserveInput): Promise<string> {
  const args: ReserveElsewhereArgs = {
    reservationId: crypto.randomUUID(),
    storeId: other.store.id,
    productId: product.id,
    qty,
    customer: {
      name: customer.name,
      ...(customer.phone ? { phone: customer.phone } : {}),
      ...(customer.email ? { email: customer.email } : {}),
      language: customer.language,
    },
    pickupCode: newPickupCode(),
  };
  await queueReservation({ args, store: other.store, product, availableShown: other.available, actor });
  return args.reservationId;
}
