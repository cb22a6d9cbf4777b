import { eq } from 'drizzle-orm';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import type { Executor } from '../db/client';
import { stores } from '../db/schema';
import type { PostalAddress } from './postal-address';

export interface ShippingStore {
  id: string;
  address: PostalAddress;
  timezone: string;
}

/** The store as the sender of its parcels. Every store of the chain is in Italy. */
export async function loadShippingStore(db: Executor, storeId: string): Promise<ShippingStore> {
  const [row] = await db.select().from(stores).where(eq(stores.id, storeId));
  if (!row) throw new DomainError(orderErrorCodes.unknownStore, `No store ${storeId}`, { storeId });
  return {
    id: row.id,
    timezone: row.timezone,
    address: { name: row.name, line1: row.address, postcode: row.postcode, city: row.city, country: 'IT' },
  };
}

/** YYYY-MM-DD of this instant in the store's time zone: the ship date and the manifest's day. */
export function storeDate(timezone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
