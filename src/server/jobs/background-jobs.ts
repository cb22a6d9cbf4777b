import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client';
import type { Env } from '../env';
import { createSmtpSender } from '../notifications/mail-sender';
import { Notifier } from '../notifications/notifier';
import { createSmsAdapter } from '../notifications/sms-adapter';
import { WebhookDispatcher } from '../notifications/webhook-dispatcher';
import { expireOverdueOrders } from '../orders/expire-orders';
import { expirePendingSubstitutes } from '../orders/expire-substitutions';
import type { PassKeyRing } from '../core/pass-key-ring';
import { curbsideUrl } from '../curbside/curbside-token';
import { substitutionUrl } from '../substitutions/substitution-token';
import { PeriodicWorker } from './periodic-worker';

/** NOTIFYed at commit by a trigger on both outbox tables (migration 0006), with the table name. */
export const OUTBOX_CHANNEL = 'aisle_outbox';

export type JobSettings = Partial<
  Pick<
    Env,
    | 'SMTP_URL'
    | 'MAIL_FROM'
    | 'SMS_ADAPTER'
    | 'NOTIFY_MAX_ATTEMPTS'
    | 'WEBHOOK_URL'
    | 'WEBHOOK_SECRET'
    | 'WEBHOOK_MAX_ATTEMPTS'
    | 'PUBLIC_URL'
    | 'SUBSTITUTION_CHECK_SECONDS'
  >
>;

/** Retries come due between wakes; this is how late one can be. */
const OUTBOX_POLL_MS = 15_000;
const EXPIRY_EVERY_MS = 10 * 60_000;
/** Customers have minutes to answer a substitution: their deadlines are checked every minute. */
const SUBSTITUTION_DEADLINE_EVERY_S = 60;

export interface BackgroundJobs {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The server's background work: the customer notifier, the webhook dispatcher and the expiry
 * job. Each instance runs all three; the outboxes are shared safely (SKIP LOCKED leases) and
 * expiry re-checks every order under its row lock.
 */
export function createBackgroundJobs(
  database: DatabaseHandle,
  settings: JobSettings,
  passKeys: PassKeyRing,
  log: FastifyBaseLogger,
  curbsideKey?: Buffer,
  substitutionKey?: Buffer,
): BackgroundJobs {
  const { db } = database;
  const publicUrl = settings.PUBLIC_URL;
  const mail =
    settings.SMTP_URL && settings.MAIL_FROM
      ? createSmtpSender(settings.SMTP_URL, settings.MAIL_FROM)
      : undefined;
  const notifier = new Notifier({
    db,
    mail,
    sms: createSmsAdapter(settings.SMS_ADAPTER ?? 'log', (message) =>
      log.info({ sms: message }, 'SMS (log adapter: written here, not sent)'),
    ),
    passKeys,
    ...(publicUrl && curbsideKey
      ? {
          curbsideUrl: (order: { id: string; readyAt: Date; pickupHoldDays: number }) =>
            curbsideUrl(curbsideKey, publicUrl, order),
        }
      : {}),
    ...(publicUrl && substitutionKey
      ? {
          substitutionUrl: (lineId: string, deadline: string) =>
            substitutionUrl(substitutionKey, publicUrl, lineId, deadline),
        }
      : {}),
    ...(settings.NOTIFY_MAX_ATTEMPTS ? { maxAttempts: settings.NOTIFY_MAX_ATTEMPTS } : {}),
    log,
  });
  const webhooks =
    settings.WEBHOOK_URL && settings.WEBHOOK_SECRET
      ? new WebhookDispatcher({
          db,
          url: settings.WEBHOOK_URL,
          secret: settings.WEBHOOK_SECRET,
          ...(settings.WEBHOOK_MAX_ATTEMPTS ? { maxAttempts: settings.WEBHOOK_MAX_ATTEMPTS } : {}),
          log,
        })
      : undefined;

  const failed = (job: string) => (error: unknown) => log.error({ err: error }, `${job} failed`);
  const workers = {
    notifier: new PeriodicWorker(() => notifier.drain(), OUTBOX_POLL_MS, failed('the customer notifier')),
    webhooks: webhooks
      ? new PeriodicWorker(() => webhooks.drain(), OUTBOX_POLL_MS, failed('the webhook dispatcher'))
      : undefined,
    expiry: new PeriodicWorker(
      async () => {
        const run = await expireOverdueOrders(db, new Date());
        if (run.expired.length > 0 || run.reminded > 0) {
          log.info({ expired: run.expired.length, reminded: run.reminded }, 'expired uncollected orders');
        }
        for (const { storeId, error } of run.failures) {
          log.error({ err: error, storeId }, 'expiring orders failed for a store');
        }
      },
      EXPIRY_EVERY_MS,
      failed('the expiry job'),
    ),
    substitutionDeadline: new PeriodicWorker(
      async () => {
        const run = await expirePendingSubstitutes(db, new Date());
        if (run.declined.length > 0)
          log.info({ declined: run.declined.length }, 'declined unanswered substitutes');
        for (const { storeId, error } of run.failures) {
          log.warn({ err: error, storeId }, 'a substitute past its deadline was not declined');
        }
      },
      (settings.SUBSTITUTION_CHECK_SECONDS ?? SUBSTITUTION_DEADLINE_EVERY_S) * 1000,
      failed('the substitution deadline job'),
    ),
  };
  let unlisten: (() => Promise<void>) | undefined;

  return {
    async start() {
      if (!mail) log.warn('E-mail is not configured (SMTP_URL): customer e-mails stay queued until it is');
      if (!webhooks) log.info('Status webhooks are off (WEBHOOK_URL): events stay queued until it is set');
      unlisten = await database.listen(OUTBOX_CHANNEL, (table) => {
        if (table === 'webhook_deliveries') workers.webhooks?.wake();
        else workers.notifier.wake();
      });
      workers.notifier.start();
      workers.webhooks?.start();
      workers.expiry.start();
      workers.substitutionDeadline.start();
    },
    async stop() {
      await unlisten?.();
      unlisten = undefined;
      await Promise.all([
        workers.notifier.stop(),
        workers.webhooks?.stop(),
        workers.expiry.stop(),
        workers.substitutionDeadline.stop(),
      ]);
      mail?.close();
    },
  };
}

/** Starts the jobs when the server listens and stops them (waiting for runs in flight) on close. */
export function registerBackgroundJobs(
  app: FastifyInstance,
  database: DatabaseHandle,
  settings: JobSettings,
  passKeys: PassKeyRing,
  curbsideKey?: Buffer,
  substitutionKey?: Buffer,
): void {
  const jobs = createBackgroundJobs(database, settings, passKeys, app.log, curbsideKey, substitutionKey);
  app.addHook('onListen', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
}
