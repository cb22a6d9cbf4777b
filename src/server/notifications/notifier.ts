import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { customerNotifications, orders, products, stores } from '../db/schema';
import { iso } from '../db/time';
import { issuePickupPass } from '../core/issue-pickup-pass';
import type { PassKeyRing } from '../core/pass-key-ring';
import { isPermanentSmtpError, type MailSender } from './mail-sender';
import { languageOf, type OpeningHours } from './message-format';
import { PermanentNotificationError, type NotificationContext } from './notification-context';
import {
  kindsForReadyOrders,
  kindsWithCurbsideLink,
  kindsWithPickupPass,
  renderNotification,
} from './render-notification';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';
import { retryDelayMs } from './retry-delay';
import type { SmsAdapter } from './sms-adapter';

export type { WorkerLog } from './outbox-worker';

export interface NotifierOptions extends OutboxWorkerOptions {
  db: Db;
  /** E-mail; without it, messages for customers with an address stay queued. */
  mail?: MailSender | undefined;
  sms: SmsAdapter;
  passKeys: PassKeyRing;
  /** The curbside page's link for an order, ready until its hold ends; without it, no link. */
  curbsideUrl?: (order: { id: string; readyAt: Date; pickupHoldDays: number }) => string;
  /** The substitution page's link for an order line's request; without it, none is sent. */
  substitutionUrl?: (lineId: string, deadline: string) => string;
}

interface Claimed {
  id: number;
  orderId: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

type Outcome =
  | { status: 'sent'; channel: 'email' | 'sms'; recipient: string }
  | { status: 'retry' | 'failed'; error: string; channel?: 'email' | 'sms'; recipient?: string }
  | { status: 'skipped'; reason: string };

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Sends the customer_notifications outbox: by e-mail when the customer has an address, by SMS
 * when only a phone, or when the row asks for a text by name (payload.channel 'sms': the
 * curbside link, for a customer who gave both). Rows are claimed with FOR UPDATE SKIP LOCKED and leased (next_attempt_at
 * moved ahead) in one short statement, then sent outside any transaction, so several instances
 * share the queue and none sends a row another holds; a crash mid-send only delays the row to
 * the lease's end. A failed send is retried with exponential back-off and jitter, up to
 * maxAttempts, then kept as failed with its last error.
 */
export class Notifier extends OutboxWorker {
  constructor(private readonly options: NotifierOptions) {
    super(options, { maxAttempts: 8, retry: { baseMs: 30_000, capMs: 3_600_000 }, leaseMs: 300_000 });
  }

  /** Claims one batch of due rows and sends each. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    if (claimed.length === 0) return 0;
    const contexts = await this.loadContexts(claimed);
    for (const row of claimed) {
      const outcome = await this.deliver(row, contexts.get(row.id));
      await this.record(row, outcome);
    }
    return claimed.length;
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.now();
    // Without e-mail, only rows that go by text: no address, or a text asked for by name.
    const mailOff = this.options.mail
      ? sql``
      : sql`and (n.payload->>'channel' = 'sms'
          or coalesce(nullif(n.payload->>'email', ''), nullif(o.customer_email, '')) is null)`;
    const result = await this.options.db.execute(sql`
      with due as (
        select n.id from customer_notifications n
        join orders o on o.id = n.order_id
        where n.sent_at is null and n.failed_at is null
          and n.next_attempt_at <= ${now.toISOString()}::timestamptz ${mailOff}
        order by n.next_attempt_at, n.id
        limit ${this.batchSize}
        for update of n skip locked)
      update customer_notifications n
      set attempts = n.attempts + 1,
        next_attempt_at = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz
      from due where n.id = due.id
      returning n.id, n.order_id as "orderId", n.kind, n.payload, n.attempts`);
    return rowsOf<Claimed>(result)
      .map((row) => ({ ...row, id: Number(row.id), attempts: Number(row.attempts) }))
      .sort((a, b) => a.id - b.id);
  }

  private async loadContexts(claimed: Claimed[]) {
    const { db } = this.options;
    const found = await db
      .select({ order: orders, store: stores })
      .from(orders)
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .where(
        inArray(
          orders.id,
          claimed.map((row) => row.orderId),
        ),
      );
    const byOrder = new Map(found.map((row) => [row.order.id, row]));
    const skus = [
      ...new Set(
        claimed.flatMap((row) =>
          [
            nonEmpty(row.payload.sku) ?? [],
            nonEmpty(row.payload.orderedSku) ?? [],
            skusOfLines(row.payload),
            // The ready e-mail names the ordered items its substitutes replace.
            ...(Array.isArray(row.payload.substitutions)
              ? row.payload.substitutions.map(
                  (s: unknown) => nonEmpty((s as { orderedSku?: unknown }).orderedSku) ?? [],
                )
              : []),
          ].flat(),
        ),
      ),
    ];
    const names = new Map<string, { it: string; en: string }>();
    const pictures = new Map<string, string>();
    if (skus.length > 0) {
      const rows = await db
        .select({ sku: products.sku, it: products.nameIt, en: products.nameEn, imageUrl: products.imageUrl })
        .from(products)
        .where(inArray(products.sku, skus));
      for (const { sku, it, en, imageUrl } of rows) {
        names.set(sku, { it, en });
        if (imageUrl) pictures.set(sku, imageUrl);
      }
    }
    const contexts = new Map<number, { context: NotificationContext; email?: string; phone?: string }>();
    for (const row of claimed) {
      const found = byOrder.get(row.orderId);
      if (!found) continue;
      const { order, store } = found;
      const context: NotificationContext = {
        kind: row.kind,
        payload: row.payload,
        language: languageOf(row.payload.language ?? order.customerLanguage),
        order: {
          number: order.number,
          customerName: order.customerName,
          pickupCode: order.pickupCode,
          currency: order.currency,
          status: order.status,
          readyAt: order.readyAt === null ? null : iso(order.readyAt),
        },
        store: {
          name: store.name,
          address: store.address,
          postcode: store.postcode,
          city: store.city,
          timezone: store.timezone,
          openingHours: store.openingHours as OpeningHours,
          pickupHoldDays: store.pickupHoldDays,
        },
        productNames: names,
        productPictures: pictures,
      };
      if (kindsWithPickupPass.has(row.kind)) {
        context.pickupPass = issuePickupPass(
          this.options.passKeys,
          { storeId: order.storeId, number: order.number, pickupCode: order.pickupCode },
          this.now(),
        ).text;
      }
      if (kindsWithCurbsideLink.has(row.kind) && this.options.curbsideUrl) {
        const readyAt = order.readyAt === null ? this.now() : new Date(iso(order.readyAt));
        context.curbsideUrl = this.options.curbsideUrl({
          id: order.id,
          readyAt,
          pickupHoldDays: store.pickupHoldDays,
        });
      }
      const lineId = nonEmpty(row.payload.substitutionLineId);
      const deadline = nonEmpty(row.payload.deadline);
      if (row.kind === 'substitution_request' && this.options.substitutionUrl && lineId && deadline) {
        context.substitutionUrl = this.options.substitutionUrl(lineId, deadline);
      }
      const email = nonEmpty(row.payload.email) ?? nonEmpty(order.customerEmail);
      const phone = nonEmpty(order.customerPhone);
      contexts.set(row.id, { context, ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
    }
    return contexts;
  }

  private async deliver(
    row: Claimed,
    found: { context: NotificationContext; email?: string; phone?: string } | undefined,
  ): Promise<Outcome> {
    if (!found) return { status: 'failed', error: 'The order is gone' };
    const { context, email, phone } = found;
    // Told late (the sender was down): a pickup message about an order no longer waiting is noise.
    if (kindsForReadyOrders.has(row.kind) && context.order.status !== 'ready') {
      return { status: 'skipped', reason: `the order is ${context.order.status}, no longer ready` };
    }
    // A customer without an e-mail got the link in the ready text already.
    if (row.kind === 'curbside_link' && !email) {
      return { status: 'skipped', reason: 'no e-mail: the ready text carried the link' };
    }
    let channel: 'email' | 'sms' | undefined;
    let recipient: string | undefined;
    try {
      const rendered = await renderNotification(context);
      const { mail, sms } = this.options;
      // A row written for the text channel (the curbside link) never goes by e-mail.
      const textOnly = row.payload.channel === 'sms';
      if (email && rendered.email && !textOnly) {
        [channel, recipient] = ['email', email];
        if (!mail)
          return { status: 'retry', error: 'E-mail is not configured (SMTP_URL)', channel, recipient };
        await mail.send(email, rendered.email, { 'X-Aisle-Notification': `${row.id}` });
      } else if (phone && rendered.sms) {
        [channel, recipient] = ['sms', phone];
        await sms.send({ to: phone, text: rendered.sms });
      } else {
        throw new PermanentNotificationError(
          email || phone
            ? `No way to send ${row.kind} to this customer`
            : 'The order has no e-mail and no phone',
        );
      }
      return { status: 'sent', channel, recipient };
    } catch (error) {
      const permanent =
        error instanceof PermanentNotificationError ||
        isPermanentSmtpError(error) ||
        (error as { permanent?: unknown })?.permanent === true;
      return {
        status: permanent || row.attempts >= this.maxAttempts ? 'failed' : 'retry',
        error: messageOf(error),
        ...(channel ? { channel } : {}),
        ...(recipient ? { recipient } : {}),
      };
    }
  }

  private async record(row: Claimed, outcome: Outcome): Promise<void> {
    const now = this.now();
    const at = now.toISOString();
    const where = eq(customerNotifications.id, row.id);
    const { db } = this.options;
    const details = { notificationId: row.id, kind: row.kind, attempts: row.attempts };
    switch (outcome.status) {
      case 'sent':
        await db
          .update(customerNotifications)
          .set({ sentAt: at, channel: outcome.channel, recipient: outcome.recipient, lastError: null })
          .where(where);
        this.log.info({ ...details, channel: outcome.channel }, 'customer notification sent');
        return;
      case 'skipped':
        await db
          .update(customerNotifications)
          .set({ failedAt: at, lastError: `skipped: ${outcome.reason}` })
          .where(where);
        return;
      case 'retry': {
        const next = new Date(now.getTime() + retryDelayMs(row.attempts, this.retry));
        await db
          .update(customerNotifications)
          .set({
            nextAttemptAt: next.toISOString(),
            lastError: outcome.error,
            channel: outcome.channel ?? null,
            recipient: outcome.recipient ?? null,
          })
          .where(where);
        this.log.warn(
          { ...details, error: outcome.error, retryAt: next.toISOString() },
          'customer notification failed; will retry',
        );
        return;
      }
      case 'failed':
        await db
          .update(customerNotifications)
          .set({
            failedAt: at,
            lastError: outcome.error,
            channel: outcome.channel ?? null,
            recipient: outcome.recipient ?? null,
          })
          .where(where);
        this.log.warn({ ...details, error: outcome.error }, 'customer notification given up');
        return;
    }
  }
}

/** The SKUs a message lists line by line (a partial handover: what left, what waits). */
function skusOfLines(payload: Record<string, unknown>): string[] {
  return [payload.lines, payload.staged, payload.refused].flatMap((list) =>
    Array.isArray(list)
      ? list.flatMap((l: unknown) => {
          const sku = nonEmpty((l as { sku?: unknown } | null)?.sku);
          return sku ? [sku] : [];
        })
      : [],
  );
}
