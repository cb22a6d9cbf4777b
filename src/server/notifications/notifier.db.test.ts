import { eq, inArray, isNull } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { ShipmentResponse } from '../../contract/shipping';
import type { DatabaseHandle } from '../db/client';
import { customerNotifications, orders } from '../db/schema';
import { expireOverdueOrders } from '../orders/expire-orders';
import { loadPassKeyRing, type PassKeyRing } from '../core/pass-key-ring';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { openSecondHandle, testDatabaseKind } from '../testing/test-database';
import { createSmtpSender, type MailSender } from './mail-sender';
import { Notifier, type NotifierOptions } from './notifier';
import { PICKUP_PASS_CID } from './pickup-messages';
import { LogSmsAdapter } from './sms-adapter';
import { readQrCodes } from './testing/read-qr';
import { startTestSmtpServer, type TestSmtpServer } from './testing/test-smtp-server';

let t: TestApp;
let smtp: TestSmtpServer;
let session: Session;
let products: StockedProduct[];
let keys: PassKeyRing;
let nextProduct = 0;
let nextCustomer = 0;
let clock = new Date();
const senders: MailSender[] = [];
const FROM = 'Aisle <orders@aisle.test>';

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startTestSmtpServer();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 30);
  // The same key the app signs with (kept in the database on first start).
  keys = await loadPassKeyRing(t.database.db, {});
  // The seed staged some orders: their messages are not this file's business.
  await t.database.db
    .update(customerNotifications)
    .set({ sentAt: new Date().toISOString() })
    .where(isNull(customerNotifications.sentAt));
});
afterEach(() => {
  for (const sender of senders.splice(0)) sender.close();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

function mailer(url = smtp.url): MailSender {
  const sender = createSmtpSender(url, FROM);
  senders.push(sender);
  return sender;
}

function notifier(options: Partial<NotifierOptions> = {}): Notifier {
  return new Notifier({
    db: t.database.db,
    mail: mailer(),
    sms: new LogSmsAdapter(),
    passKeys: keys,
    now: () => clock,
    ...options,
  });
}

/** A minute from now: rows written a moment ago are due. */
function tick(ms = 60_000): void {
  clock = new Date(Math.max(Date.now(), clock.getTime()) + ms);
}

function post(url: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, headers: bearer(session), payload: payload as object });
}

/** A customer with an e-mail address; those of the text-message tests give a phone too. */
function customer(language: 'it' | 'en' = 'it', phone?: string): IntakeOrderBody['customer'] {
  nextCustomer++;
  return {
    name: `Cliente ${nextCustomer}`,
    email: `c${nextCustomer}@example.it`,
    ...(phone ? { phone } : {}),
    language,
  };
}

const PHONE = '+393331234567';

/** A pickup order claimed, picked and staged through the API: ready, with its message queued. */
async function readyOrder(overrides: Partial<IntakeOrderBody> = {}) {
  const product = products[nextProduct++]!;
  const order = await t.placeOrder([{ sku: product.sku, qty: 1 }], { customer: customer(), ...overrides });
  expect((await post(`/api/orders/${order.id}/claim`)).statusCode).toBe(200);
  expect((await post(`/api/orders/${order.id}/pick`, { code: product.barcode })).statusCode).toBe(200);
  const staged = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A03', shareShelf: true });
  expect(staged.statusCode, staged.body).toBe(200);
  return order;
}

const to = (address: string) => (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : [mail.to]).some((a) => a?.value.some((v) => v.address === address));
const mailsTo = (address: string) => smtp.messages.filter(to(address));

async function notificationsOf(orderId: string) {
  return t.database.db
    .select()
    .from(customerNotifications)
    .where(eq(customerNotifications.orderId, orderId))
    .orderBy(customerNotifications.id);
}

async function emailOf(orderId: string): Promise<string> {
  const [row] = await t.database.db
    .select({ email: orders.customerEmail })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row!.email;
}

describe('ready for pickup by e-mail', () => {
  it('in Italian: subject, text with the pass, and a QR attachment the handover accepts', async () => {
    const order = await readyOrder();
    tick();
    expect(await notifier().drain()).toBeGreaterThanOrEqual(1);

    const [mail, ...more] = mailsTo(await emailOf(order.id));
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Il tuo ordine ${order.number} è pronto per il ritiro`);
    expect(mail?.from?.value).toEqual([{ name: 'Aisle', address: 'orders@aisle.test' }]);
    const pass = /Pass di ritiro: (AISLE:PASS:2:\S+)/.exec(mail?.text ?? '')?.[1];
    expect(pass).toBeDefined();
    expect(mail?.text).toContain(
      `Codice di ritiro: ${order.pickupCode.slice(0, 3)} ${order.pickupCode.slice(3)}`,
    );
    expect(mail?.text).toContain('Aisle Milano Duomo');
    const html = typeof mail?.html === 'string' ? mail.html : '';
    expect(html).toContain('<html lang="it">');
    expect(html).toContain(`src="cid:${PICKUP_PASS_CID}"`);
    const [qr] = mail?.attachments ?? [];
    expect(qr).toMatchObject({
      contentType: 'image/png',
      cid: PICKUP_PASS_CID,
      contentDisposition: 'inline',
    });
    expect(await readQrCodes(qr!.content)).toEqual([pass]);

    // The QR is the pass the counter scans: handover takes it as it is.
    const handed = await post(`/api/orders/${order.id}/handover`, { code: pass });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json<OrderDetail>().status).toBe('collected');

    expect(await notificationsOf(order.id)).toEqual([
      expect.objectContaining({
        kind: 'ready_for_pickup',
        channel: 'email',
        recipient: await emailOf(order.id),
        attempts: 1,
        failedAt: null,
        lastError: null,
      }),
    ]);
    expect((await notificationsOf(order.id))[0]?.sentAt).not.toBeNull();
  });

  it('in English, by the customer language', async () => {
    const order = await readyOrder({ customer: customer('en') });
    tick();
    await notifier().drain();
    const [mail] = mailsTo(await emailOf(order.id));
    expect(mail?.subject).toBe(`Your order ${order.number} is ready for pickup`);
    expect(mail?.text).toContain('Pickup pass: AISLE:PASS:2:');
    expect(mail?.text).toContain('Opening hours');
    expect(typeof mail?.html === 'string' && mail.html).toContain('<html lang="en">');
    expect(mail?.attachments[0]?.contentType).toBe('image/png');
  });

  it('skips a pickup message about an order collected before it went out', async () => {
    const order = await readyOrder();
    expect((await post(`/api/orders/${order.id}/handover`, { code: order.pickupCode })).statusCode).toBe(200);
    tick();
    await notifier().drain();
    expect(mailsTo(await emailOf(order.id))).toEqual([]);
    const [row] = await notificationsOf(order.id);
    expect(row).toMatchObject({
      sentAt: null,
      lastError: 'skipped: the order is collected, no longer ready',
    });
    expect(row?.failedAt).not.toBeNull();
  });
});

describe('the other messages', () => {
  it('shipped, with the carrier and the tracking number of every parcel', async () => {
    const product = products[nextProduct++]!;
    const order = await t.placeOrder([{ sku: product.sku, qty: 1 }], {
      customer: customer('en'),
      fulfillmentType: 'ship_from_store',
      shippingAddress: {
        name: 'Niccolò Bianchi',
        line1: 'Piazza della Città 3',
        postcode: '50122',
        city: 'Firenze',
        province: 'FI',
        country: 'IT',
      },
    });
    await post(`/api/orders/${order.id}/claim`);
    await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
    const packed = await post(`/api/orders/${order.id}/pack`, {
      packages: [
        { type: 'box-m', weightGrams: 900 },
        { type: 'box-s', weightGrams: 300 },
      ],
    });
    expect(packed.statusCode, packed.body).toBe(200);
    const booked = await post(`/api/orders/${order.id}/shipment`);
    const tracking = booked.json<ShipmentResponse>().shipment.packages.map((p) => p.trackingNumber);
    expect(tracking).toHaveLength(2);
    expect((await post(`/api/orders/${order.id}/ship`)).statusCode).toBe(200);

    tick();
    await notifier().drain();
    const [mail] = mailsTo(await emailOf(order.id));
    expect(mail?.subject).toBe(`Your order ${order.number} is on its way`);
    expect(mail?.text).toContain(`Tracking numbers:\n- ${tracking[0]}\n- ${tracking[1]}`);
    expect(mail?.text).toMatch(/has left Aisle Milano Duomo with \S/);
    expect(mail?.attachments).toEqual([]);
  });

  it('refundIssued, as the returns feature queues it, to the address the return gave', async () => {
    const order = await t.placeOrder([{ sku: products[nextProduct++]!.sku, qty: 1 }], {
      customer: customer(),
    });
    await t.database.db.insert(customerNotifications).values({
      orderId: order.id,
      storeId: 'MI01',
      kind: 'refundIssued',
      payload: {
        returnId: '00000000-0000-4000-8000-000000000001',
        number: 'R-MI01-0001',
        refundCents: 2490,
        currency: 'EUR',
        email: 'receipts@example.com',
        language: 'en',
      },
    });
    tick();
    await notifier().drain();
    const [mail] = mailsTo('receipts@example.com');
    expect(mail?.subject).toBe('Refund of €24.90 for your return R-MI01-0001');
    expect(mail?.text).toContain(`for your return R-MI01-0001 of order ${order.number}`);
    expect(mailsTo(await emailOf(order.id))).toEqual([]);
  });

  it('order_expired, when the expiry job gives up on an uncollected order', async () => {
    const order = await readyOrder();
    tick();
    await notifier().drain(); // the ready message
    await t.database.db
      .update(orders)
      .set({ readyAt: new Date(Date.now() - 8 * 86_400_000).toISOString() })
      .where(eq(orders.id, order.id));
    const run = await expireOverdueOrders(t.database.db, new Date());
    expect(run.expired).toContain(order.id);
    tick();
    await notifier().drain();
    const mails = mailsTo(await emailOf(order.id));
    expect(mails.map((m) => m.subject)).toEqual([
      `Il tuo ordine ${order.number} è pronto per il ritiro`,
      `Il tuo ordine ${order.number} non è stato ritirato`,
    ]);
    expect(mails[1]?.text).toContain('lo abbiamo annullato');
  });

  it('goes by SMS when the order has a phone and no e-mail', async () => {
    const order = await readyOrder({ customer: customer('it', PHONE) });
    await t.database.db.update(orders).set({ customerEmail: '' }).where(eq(orders.id, order.id));
    const sms = new LogSmsAdapter();
    tick();
    await notifier({ sms }).drain();
    expect(sms.sent).toEqual([
      expect.objectContaining({
        to: '+393331234567',
        text: expect.stringContaining(`Aisle: l'ordine ${order.number} è pronto da Aisle Milano Duomo.`),
      }),
    ]);
    expect(await notificationsOf(order.id)).toEqual([
      expect.objectContaining({ kind: 'ready_for_pickup', channel: 'sms', recipient: PHONE, attempts: 1 }),
      // Queued while the order still had an e-mail; the ready text was the only one it needed.
      expect.objectContaining({
        kind: 'curbside_link',
        sentAt: null,
        lastError: 'skipped: no e-mail: the ready text carried the link',
      }),
    ]);
  });
});

describe('the curbside link by text', () => {
  const curbsideUrl = (order: { id: string }) => `https://aisle.test/curbside/${order.id}`;

  it('goes by SMS too when the order has a phone, besides the e-mail that carries it', async () => {
    const order = await readyOrder({ customer: customer('en', PHONE) });
    const sms = new LogSmsAdapter();
    tick();
    await notifier({ sms, curbsideUrl }).drain();
    const [mail] = mailsTo(await emailOf(order.id));
    expect(mail?.text).toContain(curbsideUrl(order));
    expect(sms.sent).toEqual([
      expect.objectContaining({
        to: PHONE,
        text: `Aisle: order ${order.number} is ready at Aisle Milano Duomo. Rather stay in your car? When you reach the car park, open ${curbsideUrl(order)} and we'll bring it out.`,
      }),
    ]);
    expect(await notificationsOf(order.id)).toEqual([
      expect.objectContaining({ kind: 'ready_for_pickup', channel: 'email', attempts: 1, failedAt: null }),
      expect.objectContaining({
        kind: 'curbside_link',
        channel: 'sms',
        recipient: PHONE,
        attempts: 1,
        failedAt: null,
      }),
    ]);
    expect((await notificationsOf(order.id)).every((row) => row.sentAt !== null)).toBe(true);
  });

  it('goes while e-mail is not configured (the demo: the log adapter prints it)', async () => {
    const order = await readyOrder({ customer: customer('it', PHONE) });
    const printed: string[] = [];
    const sms = new LogSmsAdapter((message) => printed.push(message.text));
    tick();
    await notifier({ mail: undefined, sms, curbsideUrl }).drain();
    expect(printed).toEqual([expect.stringContaining(`apri ${curbsideUrl(order)}`)]);
    expect(await notificationsOf(order.id)).toEqual([
      expect.objectContaining({ kind: 'ready_for_pickup', sentAt: null, attempts: 0 }),
      expect.objectContaining({ kind: 'curbside_link', channel: 'sms', attempts: 1 }),
    ]);
    await notifier({ curbsideUrl }).drain();
    expect(mailsTo(await emailOf(order.id))).toHaveLength(1);
  });

  it('is in the ready text itself for a customer with only a phone: one text, not two', async () => {
    const order = await readyOrder({ customer: customer('it', PHONE) });
    await t.database.db.update(orders).set({ customerEmail: '' }).where(eq(orders.id, order.id));
    const sms = new LogSmsAdapter();
    tick();
    await notifier({ sms, curbsideUrl }).drain();
    expect(sms.sent.map((m) => m.text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Aisle: l'ordine ${order.number} è pronto .*Codice di ritiro .* Ritiro in auto: quando arrivi, apri ${curbsideUrl(order)}$`,
        ),
      ),
    ]);
  });

  it('fails at once, saying why, where the server has no public address for the link', async () => {
    const order = await readyOrder({ customer: customer('en', PHONE) });
    const sms = new LogSmsAdapter();
    tick();
    await notifier({ sms }).drain();
    expect(sms.sent).toEqual([]);
    const rows = await notificationsOf(order.id);
    expect(rows[0]).toMatchObject({ kind: 'ready_for_pickup', channel: 'email', failedAt: null });
    expect(rows[1]).toMatchObject({
      kind: 'curbside_link',
      sentAt: null,
      lastError: 'No curbside link to send: PUBLIC_URL is not set',
    });
    expect(rows[1]?.failedAt).not.toBeNull();
  });

  it('is not sent for an order collected before it went out', async () => {
    const order = await readyOrder({ customer: customer('en', PHONE) });
    expect((await post(`/api/orders/${order.id}/handover`, { code: order.pickupCode })).statusCode).toBe(200);
    const sms = new LogSmsAdapter();
    tick();
    await notifier({ sms, curbsideUrl }).drain();
    expect(sms.sent).toEqual([]);
    expect((await notificationsOf(order.id)).map((row) => row.lastError)).toEqual([
      'skipped: the order is collected, no longer ready',
      'skipped: the order is collected, no longer ready',
    ]);
  });
});

describe('failures', () => {
  it('retries after an SMTP failure with back-off, and sends once when the server recovers', async () => {
    const order = await readyOrder();
    const email = await emailOf(order.id);
    smtp.refuseNext(1, 451);
    tick();
    const n = notifier({ retry: { baseMs: 30_000, capMs: 600_000 } });
    await n.drain();
    expect(mailsTo(email)).toEqual([]);
    const [failed] = await notificationsOf(order.id);
    expect(failed).toMatchObject({ sentAt: null, failedAt: null, attempts: 1 });
    expect(failed?.lastError).toMatch(/451/);
    const retryAt = new Date(failed!.nextAttemptAt.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
    const waited = retryAt.getTime() - clock.getTime();
    expect(waited).toBeGreaterThanOrEqual(15_000);
    expect(waited).toBeLessThanOrEqual(30_000);

    // Not before its time…
    await n.drain();
    expect(mailsTo(email)).toEqual([]);
    // …then once.
    clock = new Date(retryAt.getTime() + 1);
    await n.drain();
    await n.drain();
    expect(mailsTo(email)).toHaveLength(1);
    expect(await notificationsOf(order.id)).toEqual([
      expect.objectContaining({ attempts: 2, lastError: null, channel: 'email' }),
    ]);
  });

  it('gives up after the last attempt, and keeps the error', async () => {
    const order = await readyOrder();
    tick();
    const dead = notifier({
      mail: mailer('smtp://127.0.0.1:9'),
      maxAttempts: 2,
      retry: { baseMs: 1000, capMs: 1000 },
    });
    await dead.drain();
    tick(2000);
    await dead.drain();
    tick(2000);
    await dead.drain();
    const [row] = await notificationsOf(order.id);
    expect(row).toMatchObject({ sentAt: null, attempts: 2 });
    expect(row?.failedAt).not.toBeNull();
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/);
  });

  it('fails at once a recipient the server refuses for good', async () => {
    const order = await readyOrder();
    const email = await emailOf(order.id);
    smtp.unknownMailboxes.add(email);
    tick();
    await notifier().drain();
    const [row] = await notificationsOf(order.id);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, channel: 'email', recipient: email });
    expect(row?.failedAt).not.toBeNull();
    expect(row?.lastError).toMatch(/550/);
  });

  it('keeps e-mails queued while SMTP is not configured, and still sends SMS', async () => {
    const withEmail = await readyOrder();
    const phoneOnly = await readyOrder({ customer: customer('it', PHONE) });
    await t.database.db.update(orders).set({ customerEmail: '' }).where(eq(orders.id, phoneOnly.id));
    const sms = new LogSmsAdapter();
    tick();
    await notifier({ mail: undefined, sms }).drain();
    expect(await notificationsOf(withEmail.id)).toEqual([
      expect.objectContaining({ sentAt: null, failedAt: null, attempts: 0 }),
    ]);
    expect(sms.sent.map((m) => m.text)).toEqual([expect.stringContaining(phoneOnly.number)]);
    // Configured later: the queued message goes.
    await notifier().drain();
    expect(mailsTo(await emailOf(withEmail.id))).toHaveLength(1);
  });
});

describe('several instances', () => {
  it('two notifiers draining together never send one message twice', async () => {
    const order = await t.placeOrder([{ sku: products[nextProduct++]!.sku, qty: 1 }], {
      customer: customer('en'),
    });
    const count = 12;
    const inserted = await t.database.db
      .insert(customerNotifications)
      .values(
        Array.from({ length: count }, (_, i) => ({
          orderId: order.id,
          storeId: 'MI01',
          kind: 'refundIssued',
          payload: {
            number: `R-DUP-${i}`,
            refundCents: 100 + i,
            currency: 'EUR',
            email: `dup-${i}@example.com`,
          },
        })),
      )
      .returning({ id: customerNotifications.id });
    let second: DatabaseHandle | undefined;
    try {
      second = testDatabaseKind() === 'postgres' ? await openSecondHandle(t.database) : undefined;
      const other = notifier({ db: (second ?? t.database).db, batchSize: 3 });
      tick();
      const [a, b] = await Promise.all([notifier({ batchSize: 3 }).drain(), other.drain()]);
      expect(a + b).toBe(count);
    } finally {
      await second?.close();
    }
    const recipients = smtp.messages
      .flatMap((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]))
      .flatMap((a) => a?.value.map((v) => v.address ?? '') ?? [])
      .filter((address) => address.startsWith('dup-'));
    expect(recipients).toHaveLength(count);
    expect(new Set(recipients).size).toBe(count);
    const rows = await t.database.db
      .select({ attempts: customerNotifications.attempts, sentAt: customerNotifications.sentAt })
      .from(customerNotifications)
      .where(
        inArray(
          customerNotifications.id,
          inserted.map((r) => r.id),
        ),
      );
    expect(rows.every((row) => row.attempts === 1 && row.sentAt !== null)).toBe(true);
  });
});
