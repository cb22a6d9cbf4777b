import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../contract/orders';
import type { PullResponse } from '../../contract/sync';
import type { SubstitutionView } from '../../contract/substitutions';
import { signIdToken } from '../core/signed-id-token';
import { customerNotifications } from '../db/schema';
import { associateTestApp } from '../testing/associate-test-app';
import { testCustomer, type StockedProduct } from '../testing/fixtures';
import { bearer, TEST_API_KEY, TEST_JWT_SECRET } from '../testing/test-app';
import { substitutionKey, substitutionUrl } from './substitution-token';

// Issue 15, point 2: the customer answers a substitution request from a signed link, and the
// answer reaches the picker's device with its next pull.

const key = substitutionKey(TEST_JWT_SECRET);
const { db, associate, products, inject, placeOrder, act, detail } = associateTestApp({
  deviceId: 'subst-link',
  products: 3,
  available: 4,
});

/** An order whose customer asked to be asked, a substitute waiting for them: its link's token. */
async function waiting(language: 'it' | 'en' = 'en') {
  const [ordered, offered] = products() as [StockedProduct, StockedProduct];
  const { id: orderId } = await placeOrder([], {
    substitution: { mode: 'ask' },
    customer: { ...testCustomer, language },
    lines: [{ sku: ordered.sku, qty: 2, unitPriceCents: offered.priceCents + 250 }],
  });
  await act(orderId, 'claim');
  const order = (
    await act(orderId, 'substitute', {
      lineId: (await detail(orderId)).lines[0]!.id,
      code: offered.barcode,
      qty: 2,
    })
  ).json<OrderDetail>();
  const line = order.lines[0]!;
  const url = substitutionUrl(key, 'https://aisle.example', line.id, line.substitute!.deadline!);
  return { orderId, line, token: url.split('/').pop()!, ordered, offered };
}

const view = (token: string) => inject({ method: 'GET', url: `/api/substitutions/${token}` });
const answer = (token: string, accept: boolean) =>
  inject({ method: 'POST', url: `/api/substitutions/${token}/decision`, payload: { accept } });

/** The platform names a product's picture, as it would from its catalogue. */
const setPicture = (sku: string, imageUrl: unknown) =>
  inject({
    method: 'PUT',
    url: `/api/catalogue/products/${encodeURIComponent(sku)}/image`,
    headers: { 'x-api-key': TEST_API_KEY },
    payload: { imageUrl },
  });

describe('the customer’s substitution link', () => {
  it('shows both products, the price difference and the refunds, then takes the answer once', async () => {
    const { orderId, token, ordered, offered } = await waiting();
    const shown = await view(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json<SubstitutionView>()).toMatchObject({
      qty: 2,
      ordered: { sku: ordered.sku, unitPriceCents: offered.priceCents + 250 },
      substitute: { sku: offered.sku, unitPriceCents: offered.priceCents },
      differenceCents: -250,
      refundCents: 500,
      declineRefundCents: 2 * (offered.priceCents + 250),
      status: 'pending',
      language: 'en',
    });

    // The picker's device pulls before and after: the answer arrives with the order's rows.
    const before = await inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(associate()) });
    const cursor = before.json<PullResponse>().cursor;
    const accepted = await answer(token, true);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<SubstitutionView>().status).toBe('accepted');
    const after = await inject({
      method: 'GET',
      url: `/api/sync/pull?cursor=${cursor}`,
      headers: bearer(associate()),
    });
    const pulled = after.json<PullResponse>().orders.find((o) => o.id === orderId);
    expect(pulled?.lines[0]?.substitute).toMatchObject({ status: 'accepted' });

    const again = await answer(token, false);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('substitution.notPending');
  });

  it('shows the picture the platform named for the substitute, and none for a product without one', async () => {
    const { token, ordered, offered } = await waiting();
    const picture = `https://images.example.com/p/${offered.sku}.webp?w=320`;
    const set = await setPicture(offered.sku, picture);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ sku: offered.sku, imageUrl: picture });
    expect((await setPicture(ordered.sku, null)).statusCode).toBe(200);

    const shown = (await view(token)).json<SubstitutionView>();
    expect(shown.substitute.imageUrl).toBe(picture);
    expect(shown.ordered.imageUrl).toBeNull();

    // Removing it takes it off the page too.
    expect((await setPicture(offered.sku, null)).json().imageUrl).toBeNull();
    expect((await view(token)).json<SubstitutionView>().substitute.imageUrl).toBeNull();
  });

  it('refuses a picture that is not an https address, a SKU the catalogue lacks, and a caller without the key', async () => {
    const [product] = products() as [StockedProduct];
    for (const bad of [
      'http://images.example.com/p.jpg',
      'javascript:alert(1)',
      `https://x.example/${'a'.repeat(2100)}`,
    ]) {
      const refused = await setPicture(product.sku, bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'request.invalid',
        details: { fields: [expect.objectContaining({ path: 'body.imageUrl' })] },
      });
    }
    const unknown = await setPicture('NO-SUCH-SKU', 'https://images.example.com/p.jpg');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('stock.productNotFound');
    const keyless = await inject({
      method: 'PUT',
      url: `/api/catalogue/products/${product.sku}/image`,
      payload: { imageUrl: 'https://images.example.com/p.jpg' },
    });
    expect(keyless.statusCode).toBe(401);
  });

  it('queues the request for the customer, by e-mail and text, with what the link needs', async () => {
    const { orderId, line, ordered, offered } = await waiting('it');
    const [queued] = await db()
      .select()
      .from(customerNotifications)
      .where(
        and(
          eq(customerNotifications.orderId, orderId),
          eq(customerNotifications.kind, 'substitution_request'),
        ),
      );
    expect(queued?.payload).toMatchObject({
      substitutionLineId: line.id,
      orderedSku: ordered.sku,
      sku: offered.sku,
      qty: 2,
      language: 'it',
      deadline: line.substitute!.deadline,
    });
  });

  it('refuses a forged or foreign link, and says an expired one has expired', async () => {
    const { line } = await waiting();
    const forged = signIdToken(
      substitutionKey('another-secret-0123456789abcdef0123'),
      line.id,
      new Date(Date.now() + 60_000),
    );
    expect((await view(forged)).statusCode).toBe(404);
    expect((await view('not-a-token')).statusCode).toBe(404);
    const expired = signIdToken(key, line.id, new Date(Date.now() - 60_000));
    expect((await view(expired)).statusCode).toBe(410);
    expect((await answer(expired, true)).statusCode).toBe(410);
    const noSubstitute = signIdToken(
      key,
      '00000000-0000-4000-8000-000000000000',
      new Date(Date.now() + 60_000),
    );
    expect((await view(noSubstitute)).statusCode).toBe(404);
  });
});
