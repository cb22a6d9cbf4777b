import type { OrderDiscount, OrderPayment } from '../../contract/orders';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import type { OrderSubstitution, SubstitutionPreference } from '../../domain/substitution';
import { stockEffects } from '../../domain/order-stock';
import type { Actor } from '../audit/audit';
import { recordAudit } from '../audit/audit';
import type { Executor } from '../db/client';
import { orderLines, orders } from '../db/schema';
import { tryReserve } from './order-repository';
import { nextStoreVersion } from './store-version';

export interface NewOrder {
  /** Made by the caller when it must name the order before it is written (a placement). */
  id?: string;
  storeId: string;
  externalId: string;
  number: string;
  channel: string;
  fulfillmentType: string;
  customer: { name: string; email: string; phone: string | null; language: string };
  shippingAddress: unknown;
  pickupCode: string;
  currency: string;
  requestHash: string;
  placedAt: string;
  promisedAt: string;
  /** Ship-to-store: the inboundParcelKey of the parcel; its goods are not the store's stock. */
  inboundTracking?: string | null;
  discounts?: OrderDiscount[];
  shippingCents?: number;
  payment?: OrderPayment | null;
  /** The customer journey it belongs to (a re-route continues its order's). */
  journeyId?: string | null;
  /** The customer's substitution preference with the store's rule it was taken under. */
  substitution?: OrderSubstitution | null;
  /** Flags for the ID step at the handover (ADR 0047). */
  highValue?: boolean;
  collectorName?: string | null;
}

export type OrderLineInput = {
  productId: string;
  qty: number;
  unitPriceCents: number;
  finalSale?: boolean;
  substitutionPreference?: SubstitutionPreference | null;
  /** The age the customer must have for it: the platform's, or the store's for its category. */
  minimumAge?: number | null;
};

/**
 * Writes a new order, its lines, the reservation of their stock at its store (the conditional
 * UPDATE of tryReserve) and the audit row, in the caller's transaction, under the store's next
 * change number: taken first, so the store_sync row is locked before its stock rows, as in every
 * write of a store. Throws stock.insufficient AFTER writing: the caller must roll back.
 */
export async function writeOrder(
  tx: Executor,
  actor: Actor,
  input: NewOrder,
  lines: readonly OrderLineInput[],
  audit: { action: string; details: Record<string, unknown> },
): Promise<typeof orders.$inferSelect> {
  const goodsCents = lines.reduce((sum, l) => sum + l.qty * l.unitPriceCents, 0);
  const discountCents = (input.discounts ?? []).reduce((sum, d) => sum + d.cents, 0);
  const totalCents = goodsCents - discountCents + (input.shippingCents ?? 0);
  const { customer, ...fields } = input;
  const [order] = await tx
    .insert(orders)
    .values({
      ...fields,
      status: 'new',
      customerName: customer.name,
      customerEmail: customer.email,
      customerPhone: customer.phone,
      customerLanguage: customer.language,
      totalCents,
      syncVersion: await nextStoreVersion(tx, input.storeId),
    })
    .returning();
  if (!order) throw new Error('insert returned nothing');
  await tx.insert(orderLines).values(
    lines.map((l, index) => ({
      orderId: order.id,
      storeId: order.storeId,
      lineNo: index + 1,
      productId: l.productId,
      qtyOrdered: l.qty,
      unitPriceCents: l.unitPriceCents,
      finalSale: l.finalSale ?? false,
      substitutionPreference: l.substitutionPreference ?? null,
      minimumAge: l.minimumAge ?? null,
    })),
  );
  const perProduct = new Map<string, number>();
  // A ship-to-store order's goods travel in its parcel: nothing on the store's shelves is held.
  if (input.fulfillmentType !== 'ship_to_store')
    for (const l of lines) perProduct.set(l.productId, (perProduct.get(l.productId) ?? 0) + l.qty);
  const short: { productId: string; qty: number }[] = [];
  for (const [productId, qty] of perProduct) {
    if (!(await tryReserve(tx, order.storeId, productId, stockEffects.intake(qty).reserved, order.id))) {
      short.push({ productId, qty });
    }
  }
  if (short.length > 0) {
    throw new DomainError(orderErrorCodes.insufficientStock, 'The store cannot reserve every line', {
      storeId: order.storeId,
      lines: short,
    });
  }
  await recordAudit(tx, actor, {
    action: audit.action,
    entityType: 'order',
    entityId: order.id,
    storeId: order.storeId,
    details: audit.details,
  });
  return order;
}
