import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import { substitutionSettings, type SubstitutionSettings } from '../../contract/substitutions';
import { assertPriceRule } from '../../domain/substitution';
import { recordAudit } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { stores } from '../db/schema';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';

const tags = ['manager'];
const security = [{ bearer: [] }];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

async function settingsOf(db: Executor, storeId: string): Promise<SubstitutionSettings> {
  const [row] = await db
    .select({ priceRule: stores.substitutionPriceRule, answerMinutes: stores.substitutionAnswerMinutes })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!row) throw new Error(`the signed-in store ${storeId} has no row`);
  return row;
}

/**
 * The store's substitution settings (issue 15): the price rule a similar substitute meets without
 * asking, and the minutes a customer has to answer. Orders taken earlier keep the rule they were
 * taken under. Manager only; every change is audited.
 */
export function substitutionSettingsRoutes(app: FastifyInstance, db: Db, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/manager/substitution-settings',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: "The store's substitution price rule and the minutes a customer has to answer",
        response: { 200: substitutionSettings, ...errors },
      },
    },
    (request) => settingsOf(db, principalOf(request).storeId),
  );

  r.put(
    '/api/manager/substitution-settings',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: "Set the store's substitution price rule and answer minutes, for orders taken from now on",
        body: substitutionSettings,
        response: { 200: substitutionSettings, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const priceRule = assertPriceRule(request.body.priceRule);
      return db.transaction(async (tx) => {
        const before = await settingsOf(tx, principal.storeId);
        await tx
          .update(stores)
          .set({ substitutionPriceRule: priceRule, substitutionAnswerMinutes: request.body.answerMinutes })
          .where(eq(stores.id, principal.storeId));
        await recordAudit(tx, actorOf(principal), {
          action: 'store.substitutionSettings',
          entityType: 'store',
          entityId: principal.storeId,
          details: { before, after: { priceRule, answerMinutes: request.body.answerMinutes } },
        });
        return settingsOf(tx, principal.storeId);
      });
    },
  );
}
