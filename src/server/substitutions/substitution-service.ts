import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CommandActor } from '../../commands/order-tx';
import type { SubstitutionView } from '../../contract/substitutions';
import { substituteStatusAt, substitutionRefundCents } from '../../domain/substitution';
import { runCommands } from '../core/run-commands';
import type { Db } from '../db/client';
import { orderLines, orders, products, stores } from '../db/schema';
import { HttpError } from '../http-error';

const substituteProducts = alias(products, 'substitute_products');

/** The line a link names, with its order, store and both products; 404 when it has no substitute. */
async function loadLine(db: Db, lineId: string) {
  const [row] = await db
    .select({ line: orderLines, order: orders, storeName: stores.name, ordered: products })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.id, lineId));
  const substitute = row?.line.substitute;
  if (!row || !substitute)
    throw new HttpError(404, 'curbside.notFound', 'This link does not name a substitution.');
  const [offered] = await db
    .select()
    .from(substituteProducts)
    .where(eq(substituteProducts.id, substitute.productId));
  if (!offered) throw new Error(`substitute product ${substitute.productId} is gone`);
  return { ...row, substitute, offered };
}

export async function substitutionView(db: Db, lineId: string, now = new Date()): Promise<SubstitutionView> {
  const { line, order, storeName, ordered, substitute, offered } = await loadLine(db, lineId);
  const shown = (p: typeof ordered, unitPriceCents: number) => ({
    sku: p.sku,
    nameEn: p.nameEn,
    nameIt: p.nameIt,
    brand: p.brand,
    colorEn: p.colorEn,
    colorIt: p.colorIt,
    size: p.size,
    unitPriceCents,
    imageUrl: p.imageUrl,
  });
  const money = {
    orderedUnitCents: line.unitPriceCents,
    substituteUnitCents: substitute.unitPriceCents,
    qty: substitute.qty,
  };
  return {
    orderNumber: order.number,
    storeName,
    language: order.customerLanguage === 'en' ? 'en' : 'it',
    currency: order.currency,
    qty: substitute.qty,
    ordered: shown(ordered, line.unitPriceCents),
    substitute: shown(offered, substitute.unitPriceCents),
    differenceCents: substitute.unitPriceCents - line.unitPriceCents,
    refundCents: substitutionRefundCents({ ...money, status: 'accepted' }),
    declineRefundCents: substitutionRefundCents({ ...money, status: 'declined' }),
    status: substituteStatusAt(substitute, now.toISOString()),
    deadline: substitute.deadline,
  };
}

/**
 * The customer's answer, run as the customer through the one command (src/commands/
 * substitution-decide.ts) in the order's store, so the picker's device is poked at once.
 */
export async function decideSubstitution(db: Db, lineId: string, accept: boolean): Promise<SubstitutionView> {
  const { order } = await loadLine(db, lineId);
  const actor: CommandActor = {
    type: 'customer',
    id: order.customerEmail,
    name: order.customerName,
    storeId: order.storeId,
    role: 'customer',
    deviceId: null,
  };
  await db.transaction((tx) =>
    runCommands(tx, actor, [{ name: 'substitution.decide', args: { orderId: order.id, lineId, accept } }]),
  );
  return substitutionView(db, lineId);
}
