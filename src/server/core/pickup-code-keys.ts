import { createHmac } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { PickupCodeKey } from '../../contract/sync';
import { PICKUP_DIGEST_PREFIX, pickupDigestInput } from '../../domain/pickup-pass';
import type { Executor } from '../db/client';
import { orders } from '../db/schema';

const LABEL = 'aisle/pickup-code/v1';

/** The key id of an order's digest: the UTC month it was placed in ("2026-12"). */
export const pickupKeyIdOf = (placedAt: Date | string) => new Date(placedAt).toISOString().slice(0, 7);

/**
 * The keys that let a signed-in device check a typed pickup code offline (ADR 0026's sibling,
 * ADR 0025 section "pickup codes"): HMAC-SHA256 under a key of its own store and of the month
 * the order was placed. The replica holds `hmac1:<keyId>:<hex>`, which says nothing without
 * the key; the key travels only in an authenticated pull of that store, and a new one starts
 * every month. Derived from the server's signing secret under its own label, so nothing else
 * the server signs can stand in for it, and every instance agrees without storing anything.
 */
export class PickupCodeKeys {
  private readonly base: Buffer;

  constructor(signingSecret: string) {
    this.base = createHmac('sha256', signingSecret).update(LABEL).digest();
  }

  private key(storeId: string, keyId: string): Buffer {
    return createHmac('sha256', this.base).update(`${storeId}/${keyId}`).digest();
  }

  digest(order: { storeId: string; number: string; pickupCode: string; placedAt: Date | string }): string {
    const keyId = pickupKeyIdOf(order.placedAt);
    const mac = createHmac('sha256', this.key(order.storeId, keyId))
      .update(pickupDigestInput(order.number, order.pickupCode))
      .digest('hex');
    return `${PICKUP_DIGEST_PREFIX}${keyId}:${mac}`;
  }

  /** The store's keys with these ids, plus this month's (base64url, for WebCrypto HMAC). */
  keysFor(storeId: string, keyIds: Iterable<string>, now = new Date()): PickupCodeKey[] {
    const ids = new Set([...keyIds, pickupKeyIdOf(now)]);
    return [...ids].sort().map((keyId) => ({ keyId, key: this.key(storeId, keyId).toString('base64url') }));
  }

  /** Digests for these orders (the pull's), by order id. */
  async digestsOf(db: Executor, storeId: string, orderIds: readonly string[]): Promise<Map<string, string>> {
    if (orderIds.length === 0) return new Map();
    const rows = await db
      .select({
        id: orders.id,
        number: orders.number,
        pickupCode: orders.pickupCode,
        placedAt: orders.placedAt,
      })
      .from(orders)
      .where(inArray(orders.id, [...orderIds]));
    return new Map(rows.map((row) => [row.id, this.digest({ ...row, storeId })]));
  }
}
