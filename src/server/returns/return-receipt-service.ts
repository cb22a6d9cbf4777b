import { eq } from 'drizzle-orm';
import { returnErrorCodes } from '../../contract/error-codes';
import { recordAudit, type Actor } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { customerNotifications, stores } from '../db/schema';
import { HttpError } from '../http-error';
import type { Language } from '../../contract/orders';
import { loadReturnDetail } from './return-lookup-detail';
import { returnReceiptOf } from './return-receipt';
import { renderReturnReceiptEmail } from './return-receipt-email';
import { renderReturnReceipt } from './return-receipt-pdf';

async function storeTimeZone(db: Executor, storeId: string): Promise<string> {
  const [store] = await db.select({ timezone: stores.timezone }).from(stores).where(eq(stores.id, storeId));
  return store?.timezone ?? 'Europe/Rome';
}

/** The printable receipt of a return taken at the store, in `language` or the one chosen at the counter. */
export async function returnReceiptPdf(
  db: Executor,
  storeId: string,
  returnId: string,
  language?: Language,
): Promise<{ number: string; pdf: Uint8Array }> {
  const detail = await loadReturnDetail(db, storeId, returnId);
  const receipt = returnReceiptOf(detail, language ?? detail.language, await storeTimeZone(db, storeId));
  return { number: detail.number, pdf: await renderReturnReceipt(receipt) };
}

/**
 * Puts the receipt e-mail in the customer-notification outbox, which the mail sender reads
 * (issue 7): the rendered subject and bodies travel in the row, so what is sent is what the
 * customer was shown at the counter even if templates change meanwhile.
 */
export async function queueReturnReceiptEmail(
  db: Db,
  actor: Actor & { storeId: string },
  returnId: string,
  request: { email?: string | undefined; language?: Language | undefined },
): Promise<{ queued: true; email: string }> {
  return db.transaction(async (tx) => {
    const detail = await loadReturnDetail(tx, actor.storeId, returnId);
    const email = request.email ?? detail.receiptEmail;
    if (!email) {
      throw new HttpError(
        422,
        returnErrorCodes.noReceiptEmail,
        'This return has no e-mail address: ask the customer for one',
        { returnId },
      );
    }
    const language = request.language ?? detail.language;
    const rendered = renderReturnReceiptEmail(detail, language, await storeTimeZone(tx, actor.storeId));
    await tx.insert(customerNotifications).values({
      orderId: detail.orderId,
      storeId: actor.storeId,
      kind: 'returnReceipt',
      payload: { returnId, email, language, ...rendered },
    });
    await recordAudit(tx, actor, {
      action: 'return.receiptEmail',
      entityType: 'return',
      entityId: returnId,
      details: { language, toReceiptAddress: email === detail.receiptEmail },
    });
    return { queued: true as const, email };
  });
}
