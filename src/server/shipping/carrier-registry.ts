import type { Executor } from '../db/client';
import type { Env } from '../env';
import type { CarrierAdapter } from './carrier';
import { CarrierError, carrierErrorCodes } from './carrier-error';
import { nextCarrierSequence } from './carrier-sequence';
import { createOwnFleetCarrier, ownFleetCarrierId } from './own-fleet-carrier';

/*
 * Which carrier books a store's labels. The setting SHIPPING_CARRIER names one of the adapters
 * built here; a real carrier is one more entry (its credentials come from env.ts as options,
 * see docs/carrier-adapters.md). Shipments keep the id of the carrier that booked them, so a
 * change of setting never strands parcels already labelled: their day closes with their carrier.
 */

export type CarrierId = Env['SHIPPING_CARRIER'];

export interface CarrierChoice {
  adapter: CarrierAdapter;
  /** The service booked when the associate does not choose one. */
  defaultService: string;
}

export interface CarrierRegistry {
  /** The carrier the store books new labels with. */
  forStore(storeId: string): CarrierChoice;
  /** The adapter that booked a shipment, to close its day; carrier.notConfigured if gone. */
  byId(carrierId: string): CarrierAdapter;
}

/** A registry over given adapters, the first being every store's choice (tests use it too). */
export function carrierRegistryOf(
  choice: CarrierChoice,
  others: readonly CarrierAdapter[] = [],
): CarrierRegistry {
  const adapters = new Map([choice.adapter, ...others].map((adapter) => [adapter.id, adapter]));
  return {
    forStore: () => choice,
    byId(carrierId) {
      const adapter = adapters.get(carrierId);
      if (!adapter) {
        throw new CarrierError(carrierErrorCodes.notConfigured, `Carrier ${carrierId} is not configured`, {
          carrierId,
        });
      }
      return adapter;
    },
  };
}

export function createCarrierRegistry(db: Executor, carrier: CarrierId = ownFleetCarrierId): CarrierRegistry {
  const builders: Record<CarrierId, () => CarrierChoice> = {
    'aisle-fleet': () => ({
      adapter: createOwnFleetCarrier({
        nextSequence: (storeId) => nextCarrierSequence(db, storeId, ownFleetCarrierId),
      }),
      defaultService: 'next-day',
    }),
  };
  return carrierRegistryOf(builders[carrier]());
}
