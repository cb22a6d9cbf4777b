import { readQrCodes } from '../src/server/notifications/testing/read-qr';
import { expect, test } from './support/fixtures';
import { curbsideLink, waitForMail } from './support/mailbox';
import {
  apiSignIn,
  authHeaders,
  createOrder,
  expectDrained,
  freshProducts,
  getOrder,
  LOCATION,
  openOrder,
  signIn,
  wedgeScan,
} from './support/sync-helpers';

// Customer e-mail for real (issue 7, Done when): the e2e server sends over SMTP to the test SMTP
// server that e2e/support/start-server.mjs runs. An order staged ready e-mails its Italian
// customer in Italian, with the pickup pass as a QR image; the QR decodes to a pass the
// handover step accepts from the hardware scanner, and the e-mail's curbside link works.

test('the ready-for-pickup e-mail arrives, in Italian, with a QR pass that hands the order over', async ({
  page,
  request,
}) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 1 }], 'Luca Neri');
  for (const [step, data] of [
    ['claim', {}],
    ['pick', { code: product!.barcode }],
    ['stage', { locationCode: LOCATION }],
  ] as const) {
    const response = await request.post(`/api/orders/${order.id}/${step}`, {
      headers: authHeaders(session),
      data,
    });
    expect(response.status(), await response.text()).toBe(200);
  }

  const mail = await waitForMail(order.number);
  expect(mail.to).toContain('giulia.verdi@example.com');
  expect(mail.subject).toBe(`Il tuo ordine ${order.number} è pronto per il ritiro`);
  expect(mail.text).toContain('Codice di ritiro');

  const qr = mail.attachments.find((attachment) => attachment.contentType === 'image/png' && attachment.cid);
  expect(qr, 'the QR pass as an inline PNG').toBeDefined();
  expect(mail.html).toContain(`cid:${qr!.cid}`);
  const [pass] = await readQrCodes(Buffer.from(qr!.base64, 'base64'));
  expect(pass).toMatch(/^AISLE:PASS:/);
  expect(mail.text).toContain(pass);

  // The associate scans the QR on the customer's phone into the handover step.
  await signIn(page);
  await openOrder(page, order);
  await page.getByRole('link', { name: 'Hand over to customer' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/handover$`));
  await wedgeScan(page, pass!);
  await expect(page.getByTestId('order-status')).toHaveText('Collected');
  await expectDrained(page);
  expect((await getOrder(request, session, order.id)).status).toBe('collected');

  // The e-mail's curbside link opens the customer's page, which now says it was handed over.
  const curbside = await page.context().newPage();
  await curbside.goto(curbsideLink(mail));
  await expect(curbside.getByRole('heading', { level: 1, name: 'Ritiro in auto' })).toBeVisible();
  await expect(curbside.getByText(`Ordine ${order.number}`)).toBeVisible();
  await expect(curbside.getByTestId('curbside-status')).toHaveAttribute('data-state', 'handedOver');
  await curbside.close();
});
