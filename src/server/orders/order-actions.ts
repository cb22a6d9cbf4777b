import { and, eq } from 'drizzle-orm';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import { assertStatus, nextStatus } from '../../domain/order-machine';
import { stockEffects } from '../../domain/order-stock';
import { parseGtin } from '../../domain/gtin';
import { assertPutBackDue } from '../../domain/put-back';
import { verifyPickup } from '../../domain/pickup-pass';
import type { ShortReason } from '../../domain/picking';
import {
  applyPick,
  applyShort,
  findLine,
  isPickComplete,
  matchScanOnOrder,
  pickedUnits,
} from '../../domain/picking';
import type { Actor } from '../audit/audit';
import { recordAudit } from '../audit/audit';
import type { Executor } from '../db/client';
import { stagingLocations } from '../db/schema';
import type { LineRow, OrderRow } from './order-repository';
import { isKnownGtin, loadPickLines, lockOrder, moveStock, saveLine, updateOrder } from './order-repository';

/**
 * The associate actions on an order. Each runs inside the caller's transaction, re-checks the
 * same domain rules the app applied optimistically, and writes its effect, its stock moves and
 * its audit row together. These are the handlers the offline outbox will replay.
 */
export interface ActionContext {
  tx: Executor;
  actor: Actor & { id: string; storeId: string };
}

async function begin(ctx: ActionContext, orderId: string) {
  const order = await lockOrder(ctx.tx, ctx.actor.storeId, orderId);
  return order;
}

function audit(ctx: ActionContext, order: OrderRow, action: string, details: Record<string, unknown> = {}) {
  return recordAudit(ctx.tx, ctx.actor, { action, entityType: 'order', entityId: order.id, details });
}

function assertClaimedByActor(ctx: ActionContext, order: OrderRow) {
  if (order.claimedBy !== ctx.actor.id) {
    throw new DomainError(orderErrorCodes.notClaimedByYou, 'Claim this order before working on it', {
      claimedBy: order.claimedBy,
    });
  }
}

export async function claimOrder(ctx: ActionContext, orderId: string): Promise<void> {
  const order = await begin(ctx, orderId);
  if (order.status === 'picking' && order.claimedBy === ctx.actor.id) return; // already mine
  if (order.status === 'picking' && order.claimedBy) {
    throw new DomainError(orderErrorCodes.claimedByOther, 'Another associate is picking this order', {
      claimedBy: order.claimedBy,
    });
  }
  const status = nextStatus(order, 'claim');
  await updateOrder(ctx.tx, order, { status, claimedBy: ctx.actor.id, claimedAt: new Date().toISOString() });
  await audit(ctx, order, 'order.claim', { from: order.status, to: status });
}

/** After a pick or a short: a fully resolved order is picked, or cancelled if nothing was found. */
async function finishIfComplete(ctx: ActionContext, order: OrderRow, lines: LineRow[]): Promise<void> {
  if (!isPickComplete(lines)) {
    await updateOrder(ctx.tx, order, {});
    return;
  }
  if (pickedUnits(lines) === 0) {
    const status = nextStatus(order, 'cancel');
    await updateOrder(ctx.tx, order, {
      status,
      cancelledAt: new Date().toISOString(),
      cancelReason: 'nothing_available',
    });
    await audit(ctx, order, 'order.cancel', { from: order.status, to: status, reason: 'nothing_available' });
    return;
  }
  const status = nextStatus(order, 'finishPick');
  await updateOrder(ctx.tx, order, { status, pickedAt: new Date().toISOString() });
  await audit(ctx, order, 'order.finishPick', {
    from: order.status,
    to: status,
    pickedUnits: pickedUnits(lines),
  });
}

export async function pickUnits(
  ctx: ActionContext,
  orderId: string,
  code: string,
  qty: number,
): Promise<string> {
  const order = await begin(ctx, orderId);
  const lines = await loadPickLines(ctx.tx, order.id);
  const known =
    order.status === 'picking' || order.status === 'picked' ? await findKnownGtin(ctx, code, lines) : null;
  const line = matchScanOnOrder(order, code, lines, (gtin14) => known === gtin14);
  assertClaimedByActor(ctx, order);
  const picked = applyPick(line, qty);
  await saveLine(ctx.tx, picked);
  await audit(ctx, order, 'order.pick', { lineId: line.id, code, qty });
  await finishIfComplete(
    ctx,
    order,
    lines.map((l) => (l.id === picked.id ? picked : l)),
  );
  return line.id;
}

/**
 * matchScan asks whether the catalogue knows a code only when no line of the order has it;
 * one lookup answers that up front, and none is needed for the usual scan of a wanted item.
 */
async function findKnownGtin(ctx: ActionContext, code: string, lines: LineRow[]): Promise<string | null> {
  const parsed = parseGtin(code);
  if (!parsed.ok) return null;
  if (lines.some((line) => line.gtin14 === parsed.gtin14)) return parsed.gtin14;
  return (await isKnownGtin(ctx.tx, parsed.gtin14)) ? parsed.gtin14 : null;
}

export async function shortLine(
  ctx: ActionContext,
  orderId: string,
  args: { lineId: string; qty: number; reason: ShortReason },
): Promise<void> {
  const order = await begin(ctx, orderId);
  assertStatus(order, ['picking'], 'short');
  assertClaimedByActor(ctx, order);
  const lines = await loadPickLines(ctx.tx, order.id);
  const line = findLine(lines, args.lineId);
  const shorted = { ...applyShort(line, args.qty), shortReason: args.reason };
  await saveLine(ctx.tx, shorted);
  await moveStock(ctx.tx, {
    storeId: order.storeId,
    productId: line.productId,
    orderId: order.id,
    reason: 'order.short',
    delta: stockEffects.short(args.qty),
  });
  await audit(ctx, order, 'order.short', { lineId: line.id, qty: args.qty, reason: args.reason });
  await finishIfComplete(
    ctx,
    order,
    lines.map((l) => (l.id === shorted.id ? shorted : l)),
  );
}

export async function stageOrder(ctx: ActionContext, orderId: string, rawCode: string): Promise<void> {
  const order = await begin(ctx, orderId);
  const status = nextStatus(order, 'stage');
  const code = rawCode.trim().toUpperCase();
  const [location] = await ctx.tx
    .select()
    .from(stagingLocations)
    .where(and(eq(stagingLocations.storeId, order.storeId), eq(stagingLocations.code, code)));
  if (!location) {
    throw new DomainError(orderErrorCodes.unknownLocation, `No staging location ${code} in this store`, {
      code,
    });
  }
  await updateOrder(ctx.tx, order, { status, stagingLocation: code, readyAt: new Date().toISOString() });
  await audit(ctx, order, 'order.stage', { from: order.status, to: status, location: code });
}

export async function handOver(ctx: ActionContext, orderId: string, code: string): Promise<void> {
  const order = await begin(ctx, orderId);
  const status = nextStatus(order, 'handover');
  verifyPickup(code, { number: order.number, pickupCode: order.pickupCode });
  const lines = await loadPickLines(ctx.tx, order.id);
  for (const line of lines) {
    await moveStock(ctx.tx, {
      storeId: order.storeId,
      productId: line.productId,
      orderId: order.id,
      reason: 'order.handover',
      delta: stockEffects.handover(line),
    });
  }
  await updateOrder(ctx.tx, order, { status, collectedAt: new Date().toISOString() });
  await audit(ctx, order, 'order.handover', { from: order.status, to: status, units: pickedUnits(lines) });
}

export async function cancelOrder(ctx: ActionContext, orderId: string, reason: string): Promise<void> {
  const order = await begin(ctx, orderId);
  const status = nextStatus(order, 'cancel');
  const lines = await loadPickLines(ctx.tx, order.id);
  for (const line of lines) {
    await moveStock(ctx.tx, {
      storeId: order.storeId,
      productId: line.productId,
      orderId: order.id,
      reason: 'order.cancel',
      delta: stockEffects.cancel(line),
    });
  }
  await updateOrder(ctx.tx, order, {
    status,
    cancelledAt: new Date().toISOString(),
    cancelReason: reason,
    cancelledBy: ctx.actor.type,
  });
  await audit(ctx, order, 'order.cancel', { from: order.status, to: status, reason });
}

/** Confirms that the picked units of a cancelled order are back on their shelves. */
export async function putBack(ctx: ActionContext, orderId: string): Promise<void> {
  const order = await begin(ctx, orderId);
  const lines = await loadPickLines(ctx.tx, order.id);
  assertPutBackDue(order, lines);
  await updateOrder(ctx.tx, order, { putBackAt: new Date().toISOString() });
  await audit(ctx, order, 'order.putBack', { units: pickedUnits(lines) });
}
