import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import {
  assignBody,
  kpiQuery,
  kpiReport,
  lockOutsResponse,
  managerErrorCodes,
  storeAssociatesResponse,
} from '../../contract/manager';
import { orderDetail } from '../../contract/orders';
import { kpiCsvRows, toCsv } from '../../domain/kpi-csv';
import type { Db } from '../db/client';
import { associates } from '../db/schema';
import { loadOrderDetail } from '../core/order-views';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import { assignOrder } from './assign-order';
import { liftLockOut, lockedOutAssociates } from '../rate-limit/limits';
import { recordAudit } from '../audit/audit';
import { HttpError } from '../http-error';
import { loadKpiReport } from './kpi-repository';

const tags = ['manager'];
const security = [{ bearer: [] }];
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};

/** The manager's view: the store's associates, assigning orders, KPIs and their CSV. Manager only. */
export function managerRoutes(app: FastifyInstance, db: Db, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/manager/associates',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: "The store's active associates, to assign orders to",
        response: { 200: storeAssociatesResponse, ...errors },
      },
    },
    async (request) => ({
      associates: await db
        .select({
          id: associates.id,
          employeeId: associates.employeeId,
          name: associates.name,
          role: associates.role,
        })
        .from(associates)
        .where(and(eq(associates.storeId, principalOf(request).storeId), eq(associates.active, true)))
        .orderBy(asc(associates.name)),
    }),
  );

  r.get(
    '/api/manager/lock-outs',
    {
      preHandler: guards.requireManager,
      schema: {
        tags,
        security,
        summary: "The store's associates whose PIN tries wait after wrong PINs",
        description:
          'Wrong PINs on a device an associate never signed in on wait per account; on their usual devices, per device (ADR 0025). Either shows here until the delay ends.',
        response: { 200: lockOutsResponse, ...errors },
      },
    },
    async (request) => {
      const until = await lockedOutAssociates(db);
      if (until.size === 0) return { lockedOut: [] };
      const rows = await db
        .select({
          id: associates.id,
          employeeId: associates.employeeId,
          name: associates.name,
          role: associates.role,
        })
        .from(associates)
        .where(
          and(
            eq(associates.storeId, principalOf(request).storeId),
            inArray(associates.id, [...until.keys()]),
          ),
        )
        .orderBy(asc(associates.name));
      return { lockedOut: rows.map((row) => ({ ...row, lockedUntil: until.get(row.id) ?? '' })) };
    },
  );

  r.post(
    '/api/manager/associates/:associateId/lift-lock-out',
    {
      preHandler: guards.requireManager,
      schema: {
        tags,
        security,
        summary: "Lift an associate's PIN lock-out, on every device",
        description:
          'Forgets the wrong PINs counted against the account and its devices; audited as auth.lockOutLifted. The per-address count of the client that guessed stays.',
        params: z.object({ associateId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const [associate] = await db
        .select({ id: associates.id })
        .from(associates)
        .where(and(eq(associates.id, request.params.associateId), eq(associates.storeId, principal.storeId)));
      if (!associate)
        throw new HttpError(404, managerErrorCodes.unknownAssociate, 'No such associate in this store');
      const lifted = await liftLockOut(db, associate.id);
      await recordAudit(db, actorOf(principal), {
        action: 'auth.lockOutLifted',
        entityType: 'associate',
        entityId: associate.id,
        details: { counters: lifted },
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/manager/orders/:orderId/assign',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: 'Assign an open order to an associate of the store, or take the assignment away',
        description:
          'Audited as order.assign / order.unassign. Every device of the store is poked and pulls the change.',
        params: z.object({ orderId: z.uuid() }),
        body: assignBody,
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const actor = { ...actorOf(principal), id: principal.associateId, storeId: principal.storeId };
      await assignOrder(db, actor, request.params.orderId, request.body.associateId);
      return loadOrderDetail(db, principal.storeId, request.params.orderId);
    },
  );

  r.get(
    '/api/manager/kpis',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary:
          "The store's KPIs over today (by hour) or the last 7 days (by day), in the store's time zone",
        querystring: kpiQuery,
        response: { 200: kpiReport, ...errors },
      },
    },
    (request) => loadKpiReport(db, principalOf(request).storeId, request.query.range),
  );

  r.get(
    '/api/manager/kpis.csv',
    {
      onRequest: guards.requireManager,
      schema: {
        tags,
        security,
        summary: 'The KPIs as CSV (UTF-8 with BOM, for spreadsheets)',
        querystring: kpiQuery,
        produces: ['text/csv'],
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const { storeId } = principalOf(request);
      const report = await loadKpiReport(db, storeId, request.query.range);
      const day = report.from.slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kpis-${storeId}-${report.range}-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(toCsv(kpiCsvRows(report)));
    },
  );
}
