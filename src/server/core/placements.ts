import { createHash, randomInt, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { NewOrderElsewhere, PlacementRequest } from '../../commands/place-order';
import { isDomainError } from '../../domain/domain-error';
import { pickupCodeFrom } from '../../domain/reservation';
import type { Actor } from '../audit/audit';
import type { Executor } from '../db/client';
import { orders } from '../db/schema';
import type { OrderRow } from './order-rows';
import { writeOrder, type NewOrder, type OrderLineInput } from './write-order';

/** An order a command placed at another store, written at flush. */
export interface Placement {
  order: NewOrder & { id: string; requestHash: string };
  lines: (OrderLineInput & { productId: string })[];
  audit: { action: string; details: Record<string, unknown> };
  actor: Actor;
  /** The order of this store whose journey it continues, when it had none yet. */
  startsJourneyOf: string | null;
}

/** A placement's request as stored on its order: a resend must hash the same. */
export function requestHashOf(request: PlacementRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * The order to write for a command's placement, its lines' products already resolved. A walk-in
 * reservation is the store's own sale; a continuation takes its customer, channel, address and
 * currency from the order it continues, and joins that order's journey (the original's id when
 * it had none).
 */
export function placementOf(
  placed: NewOrderElsewhere,
  lines: Placement['lines'],
  continued: OrderRow | null,
  actor: Actor,
  now: Date,
): Placement {
  const common = {
    id: randomUUID(),
    storeId: placed.storeId,
    externalId: placed.externalId,
    number: placed.number,
    fulfillmentType: placed.fulfillmentType,
    pickupCode: placed.pickupCode ?? pickupCodeFrom(() => randomInt(2 ** 32)),
    requestHash: requestHashOf(placed.request),
    placedAt: now.toISOString(),
    promisedAt: placed.promisedAt,
  };
  if ('walkIn' in placed.customer) {
    const { walkIn } = placed.customer;
    return {
      order: {
        ...common,
        channel: 'store',
        // The orders table wants an e-mail; a customer who gave only a phone has none.
        customer: { ...walkIn, email: walkIn.email ?? '' },
        shippingAddress: null,
        currency: 'EUR',
      },
      lines,
      audit: placed.audit,
      actor,
      startsJourneyOf: null,
    };
  }
  if (!continued) throw new Error(`order ${placed.customer.continues} was continued but not read`);
  return {
    order: {
      ...common,
      channel: continued.channel,
      customer: {
        name: continued.customerName,
        email: continued.customerEmail,
        phone: continued.customerPhone,
        language: continued.customerLanguage,
      },
      shippingAddress: continued.shippingAddress,
      currency: continued.currency,
      journeyId: continued.journeyId ?? continued.id,
      // The ID step follows the customer's order to the other store (ADR 0047).
      highValue: continued.highValue,
      collectorName: continued.collectorName,
    },
    lines,
    audit: placed.audit,
    actor,
    startsJourneyOf: continued.journeyId === null ? continued.id : null,
  };
}

/**
 * Writes the placed orders through intake's writeOrder (order, lines, the conditional
 * reservation, audit), each under its store's change number, which pokes that store's devices at
 * commit. Their stores were locked when the batch read their stock, so the reservation cannot
 * fail; if it still does, something is badly wrong, and a refusal here would be logged over rows
 * already written: the batch fails instead, and is resent.
 */
export async function writePlacements(tx: Executor, placements: readonly Placement[]): Promise<void> {
  for (const placement of placements) {
    try {
      await writeOrder(tx, placement.actor, placement.order, placement.lines, placement.audit);
    } catch (error) {
      if (isDomainError(error)) {
        throw new Error(
          `An order placed at ${placement.order.storeId} failed after its stock check: ${error.code}`,
        );
      }
      throw error;
    }
    // journey_id is not a field the unit of work writes, so this direct write is not overwritten.
    if (placement.startsJourneyOf) {
      await tx
        .update(orders)
        .set({ journeyId: placement.startsJourneyOf })
        .where(and(eq(orders.id, placement.startsJourneyOf), isNull(orders.journeyId)));
    }
  }
}
