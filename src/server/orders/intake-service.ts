import { createHash, randomInt } from 'node:crypto';
import { eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { IntakeResult, intakeOrderBody } from '../../contract/orders';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import { parseGtin } from '../../domain/gtin';
import { inboundParcelKey } from '../../domain/inbound-parcel';
import { NO_SUBSTITUTES } from '../../domain/substitution';
import type { CategoryAges } from '../../domain/id-check';
import { lineMinimumAge } from '../../domain/id-check';
import type { Actor } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { orders, products, stores } from '../db/schema';
import { runCommands } from '../core/run-commands';
import { writeOrder, type OrderLineInput } from '../core/write-order';
import { loadCategoryAges } from '../core/category-ages';

export type IntakeOrder = z.output<typeof intakeOrderBody>;

/** Key order must not change the hash: the platform may serialise the same order differently. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(body: IntakeOrder): string {
  const { pickupCode: _generated, ...rest } = body;
  return createHash('sha256')
    .update(JSON.stringify(canonical({ ...rest, pickupCode: body.pickupCode ?? null })))
    .digest('hex');
}

type Resolved = OrderLineInput;

async function resolveLines(tx: Executor, body: IntakeOrder, ages: CategoryAges): Promise<Resolved[]> {
  const alternatives = body.lines.flatMap((l) =>
    l.substitution?.mode === 'alternatives' ? l.substitution.skus : [],
  );
  const skus = [...body.lines.flatMap((l) => (l.sku ? [l.sku] : [])), ...alternatives];
  const gtins = body.lines.flatMap((l) => {
    const parsed = l.gtin ? parseGtin(l.gtin) : undefined;
    return parsed?.ok ? [parsed.gtin14] : [];
  });
  const conditions = [
    ...(skus.length ? [inArray(products.sku, skus)] : []),
    ...(gtins.length ? [inArray(products.gtin14, gtins)] : []),
  ];
  const all = conditions.length
    ? await tx
        .select({ id: products.id, sku: products.sku, gtin14: products.gtin14, category: products.category })
        .from(products)
        .where(or(...conditions))
    : [];
  const fields: { path: string; message: string }[] = [];
  const resolved = body.lines.map((line, index) => {
    const parsed = line.gtin ? parseGtin(line.gtin) : undefined;
    if (parsed && !parsed.ok) {
      fields.push({ path: `body.lines.${index}.gtin`, message: `is not a valid GTIN (${parsed.code})` });
      return undefined;
    }
    const product = line.sku
      ? all.find((p) => p.sku === line.sku)
      : all.find((p) => parsed?.ok && p.gtin14 === parsed.gtin14);
    if (!product) {
      fields.push({
        path: `body.lines.${index}.${line.sku ? 'sku' : 'gtin'}`,
        message: `no product ${line.sku ?? line.gtin} in the catalogue`,
      });
      return undefined;
    }
    if (line.substitution?.mode === 'alternatives') {
      line.substitution.skus.forEach((sku, rank) => {
        if (!all.some((p) => p.sku === sku)) {
          fields.push({
            path: `body.lines.${index}.substitution.skus.${rank}`,
            message: `no product ${sku} in the catalogue`,
          });
        } else if (sku === product.sku) {
          fields.push({
            path: `body.lines.${index}.substitution.skus.${rank}`,
            message: 'an alternative is another product than the one ordered',
          });
        }
      });
    }
    return {
      productId: product.id,
      qty: line.qty,
      unitPriceCents: line.unitPriceCents,
      ...(line.finalSale ? { finalSale: true } : {}),
      substitutionPreference: line.substitution ?? null,
      minimumAge: lineMinimumAge(product.category, ages, line.minimumAge),
    };
  });
  if (fields.length > 0) {
    throw new DomainError(
      orderErrorCodes.unknownProduct,
      'Some lines name products the catalogue does not have',
      {
        fields,
      },
    );
  }
  return resolved as Resolved[];
}

function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function toResult(row: typeof orders.$inferSelect): IntakeResult {
  return {
    id: row.id,
    externalId: row.externalId,
    number: row.number,
    storeId: row.storeId,
    status: row.status as IntakeResult['status'],
    pickupCode: row.pickupCode,
  };
}

async function findExisting(
  db: Executor,
  body: IntakeOrder,
  hash: string,
): Promise<IntakeResult | undefined> {
  const [existing] = await db.select().from(orders).where(eq(orders.externalId, body.externalId));
  if (!existing) return undefined;
  if (existing.requestHash !== hash) {
    throw new DomainError(
      orderErrorCodes.duplicateMismatch,
      `Order ${body.externalId} already exists with different content`,
      { externalId: body.externalId, orderId: existing.id },
    );
  }
  return toResult(existing);
}

/**
 * Takes an order from the e-commerce platform. Idempotent on the platform's order id: the
 * same id with the same body returns the first result (created: false); with another body
 * it is a conflict. Stock is reserved at the store in the same transaction, or nothing is written.
 */
export async function intakeOrder(
  db: Db,
  actor: Actor,
  body: IntakeOrder,
): Promise<{ created: boolean; result: IntakeResult }> {
  const hash = requestHash(body);
  const replay = await findExisting(db, body, hash);
  if (replay) return { created: false, result: replay };
  try {
    const result = await db.transaction(async (tx) => {
      const [store] = await tx
        .select({
          id: stores.id,
          priceRule: stores.substitutionPriceRule,
          answerMinutes: stores.substitutionAnswerMinutes,
        })
        .from(stores)
        .where(eq(stores.id, body.storeId));
      if (!store) {
        throw new DomainError(orderErrorCodes.unknownStore, `No store ${body.storeId}`, {
          fields: [{ path: 'body.storeId', message: `no store ${body.storeId}` }],
        });
      }
      const lines = await resolveLines(tx, body, await loadCategoryAges(tx, body.storeId));
      const totalCents =
        lines.reduce((sum, l) => sum + l.qty * l.unitPriceCents, 0) -
        (body.discounts ?? []).reduce((sum, d) => sum + d.cents, 0) +
        (body.shippingCents ?? 0);
      const order = await writeOrder(
        tx,
        actor,
        {
          storeId: body.storeId,
          externalId: body.externalId,
          number: body.number ?? body.externalId,
          channel: body.channel,
          fulfillmentType: body.fulfillmentType,
          customer: { ...body.customer, phone: body.customer.phone ?? null },
          shippingAddress: body.shippingAddress ?? null,
          pickupCode: body.pickupCode ?? newPickupCode(),
          currency: body.currency,
          requestHash: hash,
          placedAt: body.placedAt ?? new Date().toISOString(),
          promisedAt: body.promisedAt,
          inboundTracking: body.inbound ? (inboundParcelKey(body.inbound.trackingNumber) ?? null) : null,
          discounts: body.discounts ?? [],
          shippingCents: body.shippingCents ?? 0,
          payment: body.payment ?? null,
          highValue: body.idCheck?.highValue ?? false,
          collectorName: body.idCheck?.collector?.name ?? null,
          // The rule and minutes in force now hold for this order, whatever the store sets later.
          substitution: {
            preference: body.substitution ?? NO_SUBSTITUTES,
            priceRule: store.priceRule,
            answerMinutes: store.answerMinutes,
          },
        },
        lines,
        {
          action: 'order.intake',
          details: { externalId: body.externalId, lines: lines.length, totalCents },
        },
      );
      return toResult(order);
    });
    return { created: true, result };
  } catch (error) {
    // Two deliveries of one order raced: the loser answers like a replay.
    if (isUniqueViolation(error)) {
      const replayed = await findExisting(db, body, hash);
      if (replayed) return { created: false, result: replayed };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A cancel from the platform, applied with the same rules as an associate's. */
export async function cancelFromPlatform(db: Db, externalId: string, reason: string): Promise<IntakeResult> {
  const [existing] = await db.select().from(orders).where(eq(orders.externalId, externalId));
  if (!existing) throw new DomainError(orderErrorCodes.notFound, `No order ${externalId}`, { externalId });
  if (existing.status !== 'cancelled') {
    const actor = {
      type: 'platform' as const,
      id: 'ecommerce',
      name: 'E-commerce platform',
      storeId: existing.storeId,
      role: 'platform' as const,
      deviceId: null,
    };
    await db.transaction((tx) =>
      runCommands(tx, actor, [{ name: 'order.cancel', args: { orderId: existing.id, reason } }]),
    );
  }
  const [row] = await db.select().from(orders).where(eq(orders.id, existing.id));
  return toResult(row ?? existing);
}
