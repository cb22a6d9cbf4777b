import type { NewReturn, RefundToPay } from '../../commands/return-order';
import type { OrderPayment } from '../../contract/orders';
import type { Actor, AuditEntry } from '../audit/audit';
import { auditRow } from '../audit/audit';
import type { Executor } from '../db/client';
import type { auditLog } from '../db/schema';
import { orderReturns, refunds, returnUnits } from '../db/schema';
import type { PaymentAdapter } from './payment-adapter';

/** A return taken at this store's counter, written at flush. */
export interface RecordedReturn {
  taken: NewReturn;
  actor: Actor & { id: string };
  orderStoreId: string;
  /** The ordered product of each order line the units came back on. */
  productOf: ReadonlyMap<string, string>;
}

/** A refund to pay at flush, and its audit entry, which names the payment's receipt. */
export interface RecordedRefund {
  toPay: RefundToPay;
  audit: AuditEntry;
  actor: Actor;
  currency: string;
  payment: OrderPayment | null;
  payments: PaymentAdapter;
}

/** The returns and their units, in the returning store. */
export async function writeReturns(
  tx: Executor,
  storeId: string,
  recorded: readonly RecordedReturn[],
): Promise<void> {
  await tx.insert(orderReturns).values(
    recorded.map(({ taken, actor, orderStoreId }) => ({
      id: taken.returnId,
      number: taken.number,
      storeId,
      orderId: taken.orderId,
      orderStoreId,
      status: taken.status,
      kind: taken.kind ?? 'return',
      takenAt: taken.takenAt,
      takenBy: actor.id,
      deviceId: actor.deviceId ?? '',
      receiptEmail: taken.receipt.email,
      language: taken.receipt.language,
      violations: taken.violations,
      override: taken.override,
      refundCents: taken.refundCents,
      shippingRefundCents: taken.shippingRefundCents,
    })),
  );
  await tx.insert(returnUnits).values(
    recorded.flatMap(({ taken, productOf }) =>
      taken.units.map((u, i) => ({
        returnId: taken.returnId,
        unitNo: i + 1,
        orderLineId: u.lineId,
        // A kept substitute's unit names its product; any other unit is its line's ordered one.
        productId: u.productId ?? productOf.get(u.lineId)!,
        reason: u.reason,
        condition: u.condition,
        disposition: u.disposition,
        scannedCode: u.code ?? null,
      })),
    ),
  );
}

/**
 * Pays each refund through the payment adapter, keyed by the refund key (a second call with the
 * same key answers the first receipt and moves no money), records it, and answers the audit rows
 * with the receipt: they are written with the rest of the unit of work's audit.
 */
export async function payRefunds(
  tx: Executor,
  storeId: string,
  recorded: readonly RecordedRefund[],
): Promise<(typeof auditLog.$inferInsert)[]> {
  const rows: (typeof auditLog.$inferInsert)[] = [];
  for (const { toPay, audit, actor, currency, payment, payments } of recorded) {
    const { refund } = toPay;
    const receipt = await payments.refund(
      {
        idempotencyKey: refund.key,
        orderId: toPay.orderId,
        storeId,
        amountCents: refund.totalCents,
        currency,
        payment,
      },
      tx,
    );
    await tx.insert(refunds).values({
      refundKey: refund.key,
      returnId: toPay.returnId,
      orderId: toPay.orderId,
      storeId,
      currency,
      totalCents: refund.totalCents,
      shippingCents: refund.shippingCents,
      lines: refund.lines,
      adapter: receipt.adapter,
      providerRef: receipt.providerRef,
      payment,
    });
    rows.push(
      auditRow(actor, {
        ...audit,
        storeId: audit.storeId ?? actor.storeId ?? storeId,
        details: { ...audit.details, adapter: receipt.adapter, providerRef: receipt.providerRef },
      }),
    );
  }
  return rows;
}
