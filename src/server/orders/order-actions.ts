import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import { assertStatus, nextStatus } from '../../domain/order-machine';
import { stockEffects } from '../../domain/order-stock';
import { parseGtin } from '../../domain/gtin';
import { assertPutBackDue } from '../../domain/put-back';
import { checkPickup } from '../../domain/check-pickup';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
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
import type { Executor } from '../db/client';
import type { LineRow, OrderRow } from './order-repository';
import { OrderWork } from './order-work';

/**
 * The associate actions on an order. Each runs inside the caller's unit of work, re-checks the
 * same domain rules the app applied optimistically, and records its effect, its stock moves and
 * its audit row together; the unit of work writes them when it is flushed. These are the
 * handlers the offline outbox replays, and the REST routes run them one at a time.
 */
export interface ActionContext {
  work: OrderWork;
  actor: Actor & { id: string; storeId: string };
  /** Checks a signed pickup pass's signature; without it a signed pass is refused. */
  verifyPass?: PassSignatureVerifier;
}

/** Runs actions in the caller's transaction and writes their effects before returning. */
export async function runOrderActions<T>(
  tx: Executor,
  actor: ActionContext['actor'],
  actions: (ctx: ActionContext) => Promise<T>,
  verifyPass?: PassSignatureVerifier,
): Promise<T> {
  const work = new OrderWork(tx, actor.storeId);
  const outcome = await actions({ work, actor, ...(verifyPass ? { verifyPass } : {}) });
  await work.flush();
  return outcome;
}

function audit(ctx: ActionContext, order: OrderRow, action: string, details: Record<string, unknown> = {}) {
  ctx.work.audit(ctx.actor, { action, entityType: 'order', entityId: order.id, details });
}

function assertClaimedByActor(ctx: ActionContext, order: OrderRow) {
  if (order.claimedBy !== ctx.actor.id) {
    throw new DomainError(orderErrorCodes.notClaimedByYou, 'Claim this order before working on it', {
      claimedBy: order.claimedBy,
    });
  }
}

export async function claimOrder(ctx: ActionContext, orderId: string): Promise<void> {
  const order = await ctx.work.order(orderId);
  if (order.status === 'picking' && order.claimedBy === ctx.actor.id) return; // already mine
  if (order.status === 'picking' && order.claimedBy) {
    throw new DomainError(orderErrorCodes.claimedByOther, 'Another associate is picking this order', {
      claimedBy: order.claimedBy,
    });
  }
  const status = nextStatus(order, 'claim');
  ctx.work.updateOrder(order, { status, claimedBy: ctx.actor.id, claimedAt: new Date().toISOString() });
  audit(ctx, order, 'order.claim', { from: order.status, to: status });
}

/** After a pick or a short: a fully resolved order is picked, or cancelled if nothing was found. */
function finishIfComplete(ctx: ActionContext, order: OrderRow, lines: LineRow[]): void {
  if (!isPickComplete(lines)) {
    ctx.work.updateOrder(order, {});
    return;
  }
  if (pickedUnits(lines) === 0) {
    const status = nextStatus(order, 'cancel');
    ctx.work.updateOrder(order, {
      status,
      cancelledAt: new Date().toISOString(),
      cancelReason: 'nothing_available',
    });
    ctx.work.webhook(order, 'order.cancelled', { reason: 'nothing_available', cancelledBy: ctx.actor.type });
    audit(ctx, order, 'order.cancel', { from: order.status, to: status, reason: 'nothing_available' });
    return;
  }
  const status = nextStatus(order, 'finishPick');
  ctx.work.updateOrder(order, { status, pickedAt: new Date().toISOString() });
  audit(ctx, order, 'order.finishPick', { from: order.status, to: status, pickedUnits: pickedUnits(lines) });
}

export async function pickUnits(
  ctx: ActionContext,
  orderId: string,
  code: string,
  qty: number,
): Promise<string> {
  const order = await ctx.work.order(orderId);
  const lines = await ctx.work.lines(order.id);
  const known =
    order.status === 'picking' || order.status === 'picked' ? await findKnownGtin(ctx, code, lines) : null;
  const line = matchScanOnOrder(order, code, lines, (gtin14) => known === gtin14);
  assertClaimedByActor(ctx, order);
  const picked = applyPick(line, qty);
  ctx.work.saveLine(order.id, picked);
  audit(ctx, order, 'order.pick', { lineId: line.id, code, qty });
  finishIfComplete(
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
  return (await ctx.work.isKnownGtin(parsed.gtin14)) ? parsed.gtin14 : null;
}

export async function shortLine(
  ctx: ActionContext,
  orderId: string,
  args: { lineId: string; qty: number; reason: ShortReason },
): Promise<void> {
  const order = await ctx.work.order(orderId);
  assertStatus(order, ['picking'], 'short');
  assertClaimedByActor(ctx, order);
  const lines = await ctx.work.lines(order.id);
  const line = findLine(lines, args.lineId);
  const shorted = { ...applyShort(line, args.qty), shortReason: args.reason };
  ctx.work.saveLine(order.id, shorted);
  ctx.work.moveStock({
    productId: line.productId,
    orderId: order.id,
    reason: 'order.short',
    delta: stockEffects.short(args.qty),
  });
  audit(ctx, order, 'order.short', { lineId: line.id, qty: args.qty, reason: args.reason });
  finishIfComplete(
    ctx,
    order,
    lines.map((l) => (l.id === shorted.id ? shorted : l)),
  );
}

export async function stageOrder(ctx: ActionContext, orderId: string, rawCode: string): Promise<void> {
  const order = await ctx.work.order(orderId);
  const status = nextStatus(order, 'stage');
  const code = rawCode.trim().toUpperCase();
  if (!(await ctx.work.isStagingLocation(code))) {
    throw new DomainError(orderErrorCodes.unknownLocation, `No staging location ${code} in this store`, {
      code,
    });
  }
  const readyAt = new Date().toISOString();
  ctx.work.updateOrder(order, { status, stagingLocation: code, readyAt });
  ctx.work.notifyCustomer(order, 'ready_for_pickup', {
    number: order.number,
    storeId: order.storeId,
    language: order.customerLanguage,
    readyAt,
  });
  ctx.work.webhook(order, 'order.ready', { readyAt });
  audit(ctx, order, 'order.stage', { from: order.status, to: status, location: code });
}

export async function handOver(ctx: ActionContext, orderId: string, code: string): Promise<void> {
  const order = await ctx.work.order(orderId);
  const status = nextStatus(order, 'handover');
  await checkPickup(
    code,
    { number: order.number, storeCode: order.storeId, pickupCode: order.pickupCode },
    ctx.verifyPass ?? (() => false),
  );
  const lines = await ctx.work.lines(order.id);
  for (const line of lines) {
    ctx.work.moveStock({
      productId: line.productId,
      orderId: order.id,
      reason: 'order.handover',
      delta: stockEffects.handover(line),
    });
  }
  const collectedAt = new Date().toISOString();
  ctx.work.updateOrder(order, { status, collectedAt });
  ctx.work.webhook(order, 'order.collected', { collectedAt, units: pickedUnits(lines) });
  audit(ctx, order, 'order.handover', { from: order.status, to: status, units: pickedUnits(lines) });
}

export async function cancelOrder(ctx: ActionContext, orderId: string, reason: string): Promise<void> {
  const order = await ctx.work.order(orderId);
  const status = nextStatus(order, 'cancel');
  // A ship-to-store order never held the store's stock (intake reserved none).
  const lines = order.fulfillmentType === 'ship_to_store' ? [] : await ctx.work.lines(order.id);
  for (const line of lines) {
    ctx.work.moveStock({
      productId: line.productId,
      orderId: order.id,
      reason: 'order.cancel',
      delta: stockEffects.cancel(line),
    });
  }
  ctx.work.updateOrder(order, {
    status,
    cancelledAt: new Date().toISOString(),
    cancelReason: reason,
    cancelledBy: ctx.actor.type,
  });
  ctx.work.webhook(order, 'order.cancelled', { reason, cancelledBy: ctx.actor.type });
  audit(ctx, order, 'order.cancel', { from: order.status, to: status, reason });
}

/** Confirms that the picked units of a cancelled order are back on their shelves. */
export async function putBack(ctx: ActionContext, orderId: string): Promise<void> {
  const order = await ctx.work.order(orderId);
  const lines = await ctx.work.lines(order.id);
  assertPutBackDue(order, lines);
  ctx.work.updateOrder(order, { putBackAt: new Date().toISOString() });
  audit(ctx, order, 'order.putBack', { units: pickedUnits(lines) });
}
