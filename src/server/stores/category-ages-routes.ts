import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import { categoryAgesBody } from '../../contract/handover-checks';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/client';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import { listCategoryAges, replaceCategoryAges } from '../core/category-ages';

const tags = ['stores'];
const security = [{ bearer: [] }];

/** The store's minimum age per product category: intake flags a line of one for the ID step. */
export function categoryAgesRoutes(app: FastifyInstance, db: Db, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/store/category-ages',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: "The signed-in store's minimum age per product category",
        response: { 200: categoryAgesBody, 401: errorBody },
      },
    },
    async (request) => ({ ages: await listCategoryAges(db, principalOf(request).storeId) }),
  );

  r.put(
    '/api/store/category-ages',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: "Sets the store's minimum age per product category (manager only)",
        description:
          'The list is the whole setting: a category left out needs no age any more. Orders taken already keep the ages they were flagged with.',
        body: categoryAgesBody,
        response: { 200: categoryAgesBody, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const ages = request.body.ages;
      await db.transaction(async (tx) => {
        await replaceCategoryAges(tx, principal.storeId, ages);
        await recordAudit(tx, actorOf(principal), {
          action: 'store.categoryAges',
          entityType: 'store',
          entityId: principal.storeId,
          details: { ages },
        });
      });
      return { ages: await listCategoryAges(db, principal.storeId) };
    },
  );
}
