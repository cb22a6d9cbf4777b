import { describe, expect, it } from 'vitest';
import type { NotificationContext } from './notification-context';
import { PICKUP_PASS_CID } from './pickup-messages';
import { renderNotification } from './render-notification';
import { escapeHtml, html } from './safe-html';
import { mailPictureUrl } from './substitution-messages';
import { testNotificationContext, testOrder } from './testing/notification-context';
import { readQrCodes } from './testing/read-qr';

const PASS = 'AISLE:PASS:2:MI01:A-10042:482913:1795370000:k1:' + 'x'.repeat(86);

const context = (overrides: Partial<NotificationContext> = {}): NotificationContext =>
  testNotificationContext({
    order: { ...testOrder, customerName: 'Chiara <b>Rossi</b> & "co"' },
    pickupPass: PASS,
    ...overrides,
  });

describe('safe html', () => {
  it('escapes every interpolated value, and nested markup only once', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['<', '>']}</p>`.value).toBe('<p><b>&lt;i&gt;</b>&lt;&gt;</p>');
  });
});

describe('ready for pickup', () => {
  it('in English: subject, the pass in the text, the QR inline by cid, and the customer text escaped', async () => {
    const { email, sms } = await renderNotification(context());
    expect(email?.subject).toBe('Your order A-10042 is ready for pickup');
    expect(email?.text).toContain('Pickup code: 482 913');
    expect(email?.text).toContain(`Pickup pass: ${PASS}`);
    expect(email?.text).toContain('Saturday 28 November at 18:30');
    expect(email?.html).toContain('<html lang="en">');
    expect(email?.html).toContain(`src="cid:${PICKUP_PASS_CID}"`);
    expect(email?.html).toContain('alt="QR code of your pickup pass for order A-10042"');
    expect(email?.html).toContain('aria-label="4 8 2 9 1 3"');
    expect(email?.html).toContain('Chiara &lt;b&gt;Rossi&lt;/b&gt; &amp; &quot;co&quot;');
    expect(email?.html).not.toContain('<b>Rossi');
    expect(email?.html).not.toMatch(/https?:\/\//); // no external asset
    const [qr] = email?.attachments ?? [];
    expect(qr).toMatchObject({ cid: PICKUP_PASS_CID, contentType: 'image/png', filename: 'pickup-pass.png' });
    expect(qr?.content.subarray(1, 4).toString()).toBe('PNG');
    expect(await readQrCodes(qr!.content)).toEqual([PASS]);
    expect(sms).toBe(
      'Aisle: order A-10042 is ready at Aisle Milano Duomo. Pickup code 482 913. Collect by Saturday 28 November.',
    );
  });

  it('in Italian', async () => {
    const { email, sms } = await renderNotification(context({ language: 'it' }));
    expect(email?.subject).toBe('Il tuo ordine A-10042 è pronto per il ritiro');
    expect(email?.html).toContain('<html lang="it">');
    expect(email?.text).toContain('Codice di ritiro: 482 913');
    expect(email?.text).toContain('fino a sabato 28 novembre alle 18:30');
    expect(email?.text).toContain('Orari di apertura');
    expect(sms).toContain('Codice di ritiro 482 913');
  });
});

describe('the other kinds', () => {
  it('shipped names the carrier and every tracking number', async () => {
    const { email } = await renderNotification(
      context({ kind: 'shipped', payload: { carrierName: 'Aisle Fleet', trackingNumbers: ['AF1', 'AF2'] } }),
    );
    expect(email?.subject).toBe('Your order A-10042 is on its way');
    expect(email?.text).toContain('Tracking numbers:\n- AF1\n- AF2');
    expect(email?.html).toContain('<li>AF2</li>');
    expect(email?.attachments).toEqual([]);
  });

  it('refundIssued gives the amount in the customer language', async () => {
    const { email } = await renderNotification(
      context({
        kind: 'refundIssued',
        language: 'it',
        payload: { returnId: 'r', number: 'R-7', refundCents: 4990, currency: 'EUR' },
      }),
    );
    expect(email?.subject).toMatch(/^Rimborso di 49,90\s€ per il reso R-7$/);
  });

  it('line messages name the product in the customer language', async () => {
    const cancelled = await renderNotification(
      context({ kind: 'line_cancelled', language: 'it', payload: { sku: 'SKU-1', qty: 1 } }),
    );
    expect(cancelled.email?.text).toContain('1 × Scarpa da corsa');
    const rerouted = await renderNotification(
      context({
        kind: 'line_rerouted',
        payload: { sku: 'SKU-1', qty: 2, storeName: 'Aisle Torino', orderNumber: 'R-ABC' },
      }),
    );
    expect(rerouted.email?.text).toContain('2 × Running shoe');
    expect(rerouted.email?.text).toContain('Aisle Torino is preparing it for you as order R-ABC');
  });

  it('returnReceipt is sent as written, by e-mail only', async () => {
    const rendered = await renderNotification(
      context({
        kind: 'returnReceipt',
        payload: { email: 'a@b.it', language: 'en', subject: 'Receipt', text: 'T', html: '<p>H</p>' },
      }),
    );
    expect(rendered).toEqual({
      email: { subject: 'Receipt', text: 'T', html: '<p>H</p>', attachments: [] },
      sms: null,
    });
  });

  it('an unknown kind or a malformed payload fails for good', async () => {
    await expect(renderNotification(context({ kind: 'nope' }))).rejects.toMatchObject({
      name: 'PermanentNotificationError',
    });
    await expect(
      renderNotification(context({ kind: 'shipped', payload: { trackingNumbers: 'x' } })),
    ).rejects.toMatchObject({
      name: 'PermanentNotificationError',
    });
  });
});

describe('the curbside link', () => {
  const url = 'https://aisle.example.com/curbside/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

  it('is in the ready-for-pickup e-mail, text and HTML, in the customer’s language', async () => {
    const en = (await renderNotification(context({ curbsideUrl: url }))).email;
    expect(en?.text).toContain(`I'm here: curbside pickup: ${url}`);
    expect(en?.html).toContain(`href="${url}"`);
    const it = (await renderNotification(context({ curbsideUrl: url, language: 'it' }))).email;
    expect(it?.text).toContain(`Sono arrivato: ritiro in auto: ${url}`);
  });

  it('is left out when the server has no public address, and from other messages', async () => {
    expect((await renderNotification(context())).email?.html).not.toContain('/curbside/');
    const reminder = await renderNotification(context({ kind: 'pickup_reminder', curbsideUrl: url }));
    expect(reminder.email?.text).not.toContain('/curbside/');
  });
});

describe('the substitution request', () => {
  const request = (language: 'it' | 'en') =>
    context({
      kind: 'substitution_request',
      language,
      payload: {
        orderedSku: 'SKU-1',
        sku: 'SKU-2',
        qty: 1,
        unitPriceCents: 7990,
        orderedUnitPriceCents: 8990,
        deadline: '2026-11-21T17:50:00.000Z',
      },
      productNames: new Map([
        ['SKU-1', { it: 'Scarpa da corsa', en: 'Running shoe' }],
        ['SKU-2', { it: 'Scarpa da trail', en: 'Trail shoe' }],
      ]),
      substitutionUrl: 'https://aisle.example/substitution/abc',
    });

  it('names both items, the money back and the deadline, with the link, by e-mail and text', async () => {
    const { email, sms } = await renderNotification(request('en'));
    expect(email?.subject).toBe('Order A-10042: will you take a substitute?');
    expect(email?.text).toContain('We could not find Running shoe (1). May we give you Trail shoe instead?');
    expect(email?.text).toContain('€10.00 less each: we refund the difference');
    expect(email?.text).toContain('by 18:50');
    expect(email?.html).toContain('href="https://aisle.example/substitution/abc"');
    expect(sms).toContain('https://aisle.example/substitution/abc');
  });

  it('speaks Italian to an Italian customer', async () => {
    const { email, sms } = await renderNotification(request('it'));
    expect(email?.text).toContain('Possiamo darti Scarpa da trail al suo posto?');
    expect(email?.text).toContain('entro le 18:50');
    expect(sms).toContain('Accetti Scarpa da trail?');
  });

  it('shows the substitute’s picture in the HTML, named by the product, and the text does without', async () => {
    const picture = 'https://images.example.com/p/SKU-2.jpg';
    const { email } = await renderNotification({
      ...request('en'),
      productPictures: new Map([['SKU-2', picture]]),
    });
    expect(email?.html).toMatch(new RegExp(`<img\\s+src="${picture}"\\s+alt="Trail shoe"\\s+width="160"`));
    expect(email?.text).not.toContain(picture);
    expect((await renderNotification(request('en'))).email?.html).not.toContain('<img');
  });

  it('takes this server’s own picture under the link’s https origin, and none a mail client could not fetch', () => {
    const link = 'https://aisle.example/substitution/abc';
    expect(mailPictureUrl('/product-images/footwear-blk.svg', link)).toBe(
      'https://aisle.example/product-images/footwear-blk.svg',
    );
    expect(
      mailPictureUrl('/product-images/footwear-blk.svg', 'http://localhost:5173/substitution/abc'),
    ).toBeUndefined();
    expect(mailPictureUrl('//evil.example/p.jpg', link)).toBeUndefined();
    expect(mailPictureUrl(undefined, link)).toBeUndefined();
  });

  it('is not sent without its link', async () => {
    await expect(renderNotification({ ...request('en'), substitutionUrl: undefined })).rejects.toThrow(
      'no link',
    );
  });
});

describe('the ready e-mail with substitutions', () => {
  it('lists what was substituted and what was removed and refunded, in the customer’s language', async () => {
    const payload = {
      substitutions: [
        { orderedSku: 'SKU-1', nameEn: 'Trail shoe', nameIt: 'Scarpa da trail', qty: 1, status: 'accepted' },
        { orderedSku: 'SKU-1', nameEn: 'Trail shoe', nameIt: 'Scarpa da trail', qty: 2, status: 'declined' },
      ],
    };
    const english = await renderNotification(context({ payload }));
    expect(english.email?.text).toContain('Trail shoe × 1 instead of Running shoe');
    expect(english.email?.text).toContain('Running shoe × 2: removed and refunded');
    const italian = await renderNotification(context({ payload, language: 'it' }));
    expect(italian.email?.text).toContain('Scarpa da trail × 1 al posto di Scarpa da corsa');
    expect(italian.email?.text).toContain('Scarpa da corsa × 2: tolto e rimborsato');
  });

  it('says nothing of substitutions when there were none', async () => {
    const { email } = await renderNotification(context());
    expect(email?.text).not.toContain('Substitutions');
  });
});
