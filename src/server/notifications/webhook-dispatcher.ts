import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { webhookDeliveries } from '../db/schema';
import { iso } from '../db/time';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';
import { retryDelayMs } from './retry-delay';
import { signWebhook } from './webhook-signature';

export interface WebhookDispatcherOptions extends OutboxWorkerOptions {
  db: Db;
  url: string;
  secret: string;
  /** The platform must answer within this; otherwise the attempt failed. */
  timeoutMs?: number;
}

interface Claimed {
  id: string;
  eventType: string;
  payload: unknown;
  attempts: number;
}

type Outcome =
  { delivered: true; status: number } | { delivered: false; status: number | null; error: string };

/**
 * Posts the webhook_deliveries outbox to the platform, signed (docs/webhooks.md). Claims rows
 * like the notifier does (SKIP LOCKED, then a lease), so instances share the work. A 2xx answer
 * is delivered; anything else, a timeout or no connection is retried with capped exponential
 * back-off and jitter, up to maxAttempts, then kept as failed with the last status and error.
 */
export class WebhookDispatcher extends OutboxWorker {
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookDispatcherOptions) {
    super(options, { maxAttempts: 12, retry: { baseMs: 10_000, capMs: 3_600_000 }, leaseMs: 120_000 });
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const row of claimed) await this.record(row, await this.post(row));
    return claimed.length;
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.now();
    const result = await this.options.db.execute(sql`
      with due as (
        select id from webhook_deliveries
        where delivered_at is null and failed_at is null
          and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by next_attempt_at, created_at
        limit ${this.batchSize}
        for update skip locked)
      update webhook_deliveries w
      set attempts = w.attempts + 1,
        next_attempt_at = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz
      from due where w.id = due.id
      returning w.id, w.event_type as "eventType", w.payload, w.attempts, w.created_at as "createdAt"`);
    return rowsOf<Claimed & { createdAt: string | Date }>(result)
      .sort((a, b) => iso(a.createdAt).localeCompare(iso(b.createdAt)))
      .map(({ id, eventType, payload, attempts }) => ({
        id,
        eventType,
        payload,
        attempts: Number(attempts),
      }));
  }

  private async post(row: Claimed): Promise<Outcome> {
    const body = JSON.stringify(row.payload);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Aisle-Webhooks/1',
          'x-aisle-event': row.eventType,
          'x-aisle-delivery': row.id,
          'x-aisle-timestamp': String(timestamp),
          'x-aisle-signature': signWebhook(this.options.secret, timestamp, body),
        },
        body,
        // A redirect is not an answer: the platform must give the right URL.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text().catch(() => '');
      if (response.status >= 200 && response.status < 300)
        return { delivered: true, status: response.status };
      return {
        delivered: false,
        status: response.status,
        error: `HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const message = error instanceof Error ? error.message : String(error);
      return {
        delivered: false,
        status: null,
        error: (cause ? `${message} (${cause})` : message).slice(0, 500),
      };
    }
  }

  private async record(row: Claimed, outcome: Outcome): Promise<void> {
    const now = this.now();
    const where = eq(webhookDeliveries.id, row.id);
    const details = { deliveryId: row.id, event: row.eventType, attempts: row.attempts };
    if (outcome.delivered) {
      await this.options.db
        .update(webhookDeliveries)
        .set({ deliveredAt: now.toISOString(), lastStatus: outcome.status, lastError: null })
        .where(where);
      return;
    }
    if (row.attempts >= this.maxAttempts) {
      await this.options.db
        .update(webhookDeliveries)
        .set({ failedAt: now.toISOString(), lastStatus: outcome.status, lastError: outcome.error })
        .where(where);
      this.log.warn({ ...details, error: outcome.error }, 'webhook delivery given up');
      return;
    }
    const next = new Date(now.getTime() + retryDelayMs(row.attempts, this.retry));
    await this.options.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: next.toISOString(), lastStatus: outcome.status, lastError: outcome.error })
      .where(where);
    this.log.warn(
      { ...details, error: outcome.error, retryAt: next.toISOString() },
      'webhook delivery failed; will retry',
    );
  }
}
