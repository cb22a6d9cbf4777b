import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { languages } from '../../contract/orders';
import {
  receiptEmailBody,
  receiptEmailQueued,
  returnableOrder,
  returnableOrders,
  returnDetail,
  returnList,
  returnListQuery,
  returnOrderSearch,
  returnSettings,
} from '../../contract/returns';
import type { Db } from '../db/client';
import { stores } from '../db/schema';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import { loadRecentReturnableOrders, loadReturnableOrder, searchReturnableOrders } from './return-lookup';
import { loadReturnDetail, loadStoreReturns } from './return-lookup-detail';
import { parseReturnOrderQuery } from './return-lookup-query';
import { queueReturnReceiptEmail, returnReceiptPdf } from './return-receipt-service';
import { returnPolicyConfig } from './return-settings';

const tags = ['returns'];
const security = [{ bearer: [] }];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const orderParams = z.object({ id: z.uuid() });
const returnParams = z.object({ id: z.uuid() });

const searchQuery = returnOrderSearch.extend({
  q: returnOrderSearch.shape.q.refine((q) => parseReturnOrderQuery(q) !== null, {
    message: 'Give an order number, the customer’s e-mail or phone, or scan the order’s QR or pickup pass',
  }),
});

function sendPdf(reply: FastifyReply, name: string, pdf: Uint8Array) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
}

/**
 * The read side of returns (issue 6): finding an order of any store, the orders a device keeps
 * for offline returns, the store's returns, and each return's receipt. Any signed-in associate
 * may look up any store's order: it may have been bought for pickup elsewhere.
 */
export function returnsRoutes(app: FastifyInstance, db: Db, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/returns/settings',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary:
          "The return policy, the shipping-refund rule and the store's time zone, to check returns offline",
        response: { 200: returnSettings, ...errors },
      },
    },
    async (request) => {
      const [store] = await db
        .select({ timezone: stores.timezone })
        .from(stores)
        .where(eq(stores.id, principalOf(request).storeId));
      const { policy, shippingRule } = returnPolicyConfig();
      return {
        policy: {
          defaultRule: {
            windowDays: policy.defaultRule.windowDays,
            acceptedConditions: [...policy.defaultRule.acceptedConditions],
          },
          categories: Object.fromEntries(
            Object.entries(policy.categories).map(([category, rule]) => [
              category,
              { windowDays: rule.windowDays, acceptedConditions: [...rule.acceptedConditions] },
            ]),
          ),
          reasons: policy.reasons.map((reason) => ({ code: reason.code, waives: [...reason.waives] })),
        },
        shippingRule: { ...shippingRule, sellerFaultReasons: [...shippingRule.sellerFaultReasons] },
        timeZone: store?.timezone ?? 'Europe/Rome',
      };
    },
  );

  r.get(
    '/api/returns/orders',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Find orders of any store to return: by number, e-mail, phone, order id or scanned pass',
        description:
          'At most 10, newest first, in any status (one not yet collected or shipped cannot be returned). The number matches whatever its case and separators; a phone matches in international or national form.',
        querystring: searchQuery,
        response: { 200: returnableOrders, ...errors },
      },
    },
    async (request) => ({
      orders: await searchReturnableOrders(db, parseReturnOrderQuery(request.query.q)!),
    }),
  );

  r.get(
    '/api/returns/orders/:id',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'One order of any store as the return counter needs it',
        params: orderParams,
        response: { 200: returnableOrder, ...errors },
      },
    },
    (request) => loadReturnableOrder(db, request.params.id),
  );

  r.get(
    '/api/returns/recent-orders',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary:
          "The orders a device keeps for offline returns: this store's last 30 days, and others returned here",
        response: { 200: returnableOrders, ...errors },
      },
    },
    async (request) => ({ orders: await loadRecentReturnableOrders(db, principalOf(request).storeId) }),
  );

  r.get(
    '/api/returns',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: "The store's returns, newest first (at most 200); status=review is the manager's queue",
        querystring: returnListQuery,
        response: { 200: returnList, ...errors },
      },
    },
    async (request) => ({
      returns: await loadStoreReturns(db, principalOf(request).storeId, request.query.status),
    }),
  );

  r.get(
    '/api/returns/:id',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'One return taken at this store, in full',
        params: returnParams,
        response: { 200: returnDetail, ...errors },
      },
    },
    (request) => loadReturnDetail(db, principalOf(request).storeId, request.params.id),
  );

  r.get(
    '/api/returns/:id/receipt.pdf',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary:
          "The printable receipt of a return, A4, in the customer's language or the one asked (application/pdf)",
        params: returnParams,
        querystring: z.object({ lang: z.enum(languages).optional() }),
        response: errors,
      },
    },
    async (request, reply) => {
      const { number, pdf } = await returnReceiptPdf(
        db,
        principalOf(request).storeId,
        request.params.id,
        request.query.lang,
      );
      return sendPdf(reply, `return-receipt-${number}.pdf`, pdf);
    },
  );

  r.post(
    '/api/returns/:id/receipt-email',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Queue the receipt e-mail to the customer (to the address given, or the one on the return)',
        description: '422 return.noReceiptEmail when neither exists.',
        params: returnParams,
        body: receiptEmailBody.optional(),
        response: { 202: receiptEmailQueued, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const actor = { ...actorOf(principal), storeId: principal.storeId };
      const queued = await queueReturnReceiptEmail(db, actor, request.params.id, request.body ?? {});
      return reply.status(202).send(queued);
    },
  );
}
