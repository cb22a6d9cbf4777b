import type { CommandEffects, OrderTx } from '../../commands/order-tx';
import type { Actor } from '../audit/audit';
import { productIdOf, stockFactKey, type ElsewhereFacts } from './elsewhere-facts';
import type { OrderRow } from './order-rows';
import type { OrderWork } from './order-work';
import { placementOf, requestHashOf } from './placements';

type ElsewhereReads = Pick<OrderTx, 'store' | 'isKnownProduct' | 'availableAt' | 'placedOrder'>;

/** A command read what it did not declare: a bug in its definition, not the client's. */
export function undeclared(what: string): never {
  throw new Error(`${what} was read but not declared in reads()`);
}

/**
 * The server's answers about other stores, with authority: what it loaded under their locks,
 * less what this unit of work placed there already; a placement made earlier in the batch is
 * found like one made in an earlier batch.
 */
export function elsewhereReads(work: OrderWork, facts: ElsewhereFacts): ElsewhereReads {
  return {
    store(storeId) {
      const store = facts.stores.get(storeId);
      if (store === undefined) undeclared(`store ${storeId}`);
      return store;
    },
    isKnownProduct(productId) {
      if (!facts.products.has(productId)) undeclared(`product ${productId}`);
      return facts.products.get(productId) !== null;
    },
    availableAt(storeId, product) {
      const productId = productIdOf(work, product) ?? undeclared(`the product of ${JSON.stringify(product)}`);
      const loaded =
        facts.stock.get(stockFactKey(storeId, productId)) ??
        undeclared(`stock of ${productId} at ${storeId}`);
      const placed = work
        .placements()
        .filter((p) => p.order.storeId === storeId)
        .flatMap((p) => p.lines)
        .filter((l) => l.productId === productId)
        .reduce((sum, l) => sum + l.qty, 0);
      return loaded - placed;
    },
    placedOrder(externalId, request) {
      const hash = requestHashOf(request);
      const earlier = work.placements().find((p) => p.order.externalId === externalId);
      if (earlier) {
        const { id, number, storeId, requestHash } = earlier.order;
        return { orderId: id, orderNumber: number, storeId, sameRequest: requestHash === hash };
      }
      const placed = facts.placed.get(externalId);
      if (placed === undefined) return undeclared(`placement ${externalId}`);
      if (placed === null) return null;
      const { requestHash, ...order } = placed;
      return { ...order, sameRequest: requestHash === hash };
    },
  };
}

/** Places an order at another store: recorded in the unit of work, written first at flush. */
export function placeOrderEffect(
  work: OrderWork,
  facts: ElsewhereFacts,
  who: Actor,
  heldOrder: (orderId: string) => OrderRow,
): CommandEffects['placeOrder'] {
  return (order) => {
    const lines = order.lines.map((line) => {
      const productId =
        productIdOf(work, line.product) ?? undeclared(`the product of ${JSON.stringify(line.product)}`);
      const unitPriceCents =
        line.unitPriceCents ??
        facts.products.get(productId)?.priceCents ??
        undeclared(`product ${productId}`);
      return { productId, qty: line.qty, unitPriceCents, minimumAge: line.minimumAge ?? null };
    });
    const continued = 'continues' in order.customer ? heldOrder(order.customer.continues) : null;
    const placement = placementOf(order, lines, continued, who, new Date());
    work.placeOrder(placement);
    return {
      orderId: placement.order.id,
      orderNumber: placement.order.number,
      storeId: placement.order.storeId,
    };
  };
}
