import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { parseGtin } from '../domain/gtin';
import { assertStatus } from '../domain/order-machine';
import { stockEffects } from '../domain/order-stock';
import { applyShort, findLine } from '../domain/picking';
import {
  answerDeadline,
  assertSubstituteAccepted,
  decideSubstitute,
  DEFAULT_ANSWER_MINUTES,
  DEFAULT_PRICE_RULE,
  effectivePreference,
  substitutionErrorCodes,
  type LineSubstitute,
} from '../domain/substitution';
import { defineCommand, orderEntity } from './define-command';
import { assertClaimedByActor, auditOrder, finishIfComplete, replaceLine } from './order-rules';

/**
 * On units of a line that cannot be found, the associate scans a substitute (issue 15). The
 * customer's preference and the price rule the order was taken under decide: allowed, it is
 * picked at once; to be approved, it waits in the tote and the customer is asked; refused, the
 * associate is told why. Either way the ordered units are short and their reservation released.
 */
export const pickSubstitute = defineCommand({
  name: 'pick.substitute',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['pick.substitute']),
  entityKeys: (a: CommandArgs<'pick.substitute'>) => [orderEntity(a.orderId)],
  reads(a) {
    const parsed = parseGtin(a.code);
    return { orders: [a.orderId], gtins: parsed.ok ? [parsed.gtin14] : [] };
  },
  apply(tx, a): { outcome: LineSubstitute['status']; reason: LineSubstitute['reason'] } {
    const order = tx.order(a.orderId);
    assertStatus(order, ['picking'], 'substitute');
    assertClaimedByActor(tx, order);
    const line = findLine(order.lines, a.lineId);
    if (line.substitute) {
      throw new DomainError(substitutionErrorCodes.alreadySubstituted, 'This line has a substitute already', {
        lineId: line.id,
      });
    }
    const parsed = parseGtin(a.code);
    const product = parsed.ok ? tx.product(parsed.gtin14) : null;
    if (!product) {
      throw new DomainError(substitutionErrorCodes.unknownProduct, `No product has the code ${a.code}`, {
        code: a.code,
      });
    }
    const decision = assertSubstituteAccepted(
      decideSubstitute({
        preference: effectivePreference(order.substitution?.preference, line.substitutionPreference),
        priceRule: order.substitution?.priceRule ?? DEFAULT_PRICE_RULE,
        ordered: { sku: line.sku, unitPriceCents: line.unitPriceCents },
        substitute: { sku: product.sku, unitPriceCents: product.priceCents },
      }),
      { lineId: line.id, sku: product.sku },
    );
    const shorted = applyShort(line, a.qty);
    const now = tx.now();
    const pending = decision.outcome === 'needsApproval';
    const substitute: LineSubstitute = {
      productId: product.productId,
      sku: product.sku,
      gtin14: product.gtin14,
      nameEn: product.nameEn,
      nameIt: product.nameIt,
      unitPriceCents: product.priceCents,
      qty: a.qty,
      status: pending ? 'pending' : 'picked',
      reason: decision.reason,
      requestedAt: now,
      deadline: pending
        ? answerDeadline(now, order.substitution?.answerMinutes ?? DEFAULT_ANSWER_MINUTES)
        : null,
      decidedAt: pending ? null : now,
    };
    const saved = { ...shorted, shortReason: shorted.shortReason ?? 'not_found', substitute };
    tx.saveLine(order.id, saved);
    tx.effects.moveStock({
      orderId: order.id,
      lineId: line.id,
      reason: 'order.short',
      delta: stockEffects.short(a.qty),
    });
    const about = {
      lineId: line.id,
      orderedSku: line.sku,
      sku: product.sku,
      qty: a.qty,
      unitPriceCents: product.priceCents,
      orderedUnitPriceCents: line.unitPriceCents,
      reason: decision.reason,
    };
    if (pending) {
      // Not `lineId`: a message naming a line says its short units were cancelled (order-rows.ts).
      const { lineId, ...rest } = about;
      tx.effects.notifyCustomer(order.id, 'substitution_request', {
        ...rest,
        substitutionLineId: lineId,
        number: order.number,
        language: order.customerLanguage,
        deadline: substitute.deadline,
      });
      tx.effects.webhook(order.id, 'order.substitution_requested', {
        ...about,
        deadline: substitute.deadline,
      });
    } else {
      tx.effects.moveStock({
        orderId: order.id,
        lineId: line.id,
        productId: product.productId,
        reason: 'order.substitute',
        delta: stockEffects.substituteKept(a.qty),
      });
      tx.effects.webhook(order.id, 'order.substitution_decided', { ...about, status: 'picked', by: 'rule' });
    }
    auditOrder(tx, order, 'order.substitute', { ...about, status: substitute.status });
    finishIfComplete(tx, order, replaceLine(order.lines, saved));
    return { outcome: substitute.status, reason: decision.reason };
  },
});
