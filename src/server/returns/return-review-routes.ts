import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { returnApproval, returnApprovalBody, returnDecisionBody } from '../../contract/returns';
import { loadSigningSecret } from '../core/secret';
import type { Db } from '../db/client';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import { paymentAdapterNamed } from './payments/payment-adapters';
import { approvalKey } from './return-approval-token';
import { issueReturnApproval } from './return-approvals';
import { approveReturn, declineReturn } from './return-decisions';
import { configureReturns } from './returns-runtime';

const tags = ['returns'];
const security = [{ bearer: [] }];
const params = z.object({ id: z.uuid() });
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
};

const decisionOutcome = z
  .object({
    id: z.string(),
    status: z.enum(['refunded', 'declined']),
    refundCents: z.number().int().describe('Everything paid back, shipping included'),
    shippingRefundCents: z.number().int(),
  })
  .meta({ id: 'ReturnDecisionOutcome' });

export interface ReturnRouteSettings {
  JWT_SECRET?: string | undefined;
  /** Which payment adapter pays refunds (payments/payment-adapters.ts); ledger when unset. */
  PAYMENT_ADAPTER?: string | undefined;
}

/**
 * The manager's side of returns: approvals at the counter, and decisions on the review queue.
 * Also configures what `return.submit` needs from the server (the approval key,
 * derived from the token-signing secret, and the payment adapter), so an unknown
 * PAYMENT_ADAPTER stops the start-up.
 */
export async function returnReviewRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  settings: ReturnRouteSettings,
): Promise<void> {
  const key = approvalKey(await loadSigningSecret(db, settings.JWT_SECRET));
  configureReturns({ approvalKey: key, payments: paymentAdapterNamed(settings.PAYMENT_ADAPTER) });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/returns/approvals',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'A manager approves, with their PIN, taking back one return outside the policy',
        description:
          "The manager of the signed-in associate's store types employee ID and PIN on the associate's device. The answer is a signed approval, valid 30 days, that the `return.submit` command carries in `override.approval`; it names the manager, the store, the return id and the reason. 401 auth.badCredentials for a wrong PIN (wrong PINs are throttled as at sign-in: 429 auth.lockedOut), 403 auth.forbidden if the employee is not a manager.",
        body: returnApprovalBody,
        response: { 200: returnApproval, ...errors },
      },
    },
    (request) => issueReturnApproval(db, key, principalOf(request), request.body, app.limits, request.ip),
  );

  r.post(
    '/api/returns/:id/approve',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: 'Accept a return waiting for a manager: refund it and restock its units',
        description:
          'Judged again now, with the manager setting aside every violation that may be set aside. 409 returnOverride.notOverridable when some cannot (e.g. the same units were refunded meanwhile; details.violations says which), 409 return.notInReview when it was decided already, 404 return.notFound for a return of another store.',
        params,
        body: returnDecisionBody,
        response: { 200: decisionOutcome, ...errors },
      },
    },
    (request) => approveReturn(db, principalOf(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/returns/:id/decline',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: 'Refuse a return waiting for a manager: the goods go back to the customer',
        description: 'No refund and no stock change. 409 return.notInReview when it was decided already.',
        params,
        body: returnDecisionBody,
        response: { 200: decisionOutcome, ...errors },
      },
    },
    (request) => declineReturn(db, principalOf(request), request.params.id, request.body.reason),
  );
}
