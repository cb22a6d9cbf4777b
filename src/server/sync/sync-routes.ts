import type { FastifyInstance } from 'fastify';
import type { PickupCodeKeys } from '../core/pickup-code-keys';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { definitionOf } from '../../commands/registry';
import { commandArgs, pullQuery, pullResponse, pushBody, pushResponse } from '../../contract/sync';
import type { Db } from '../db/client';
import type { PassKeyRing } from '../core/pass-key-ring';
import type { SessionGate } from '../core/session-gate';
import { authErrorCodes } from '../../contract/error-codes';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import type { PokeHub } from './poke-hub';
import { DeltaCache } from './delta-cache';
import { pullDelta } from './delta-query';
import { nothingNew, parseCursor, pullChanges } from './pull-service';
import { isSnapshotCursor, snapshotPage } from './snapshot-service';
import type { CommandServices } from '../core/run-commands';
import { pushMutations } from './push-service';

const tags = ['sync'];
const security = [{ bearer: [] }];

function commandCatalogue(): string {
  return Object.entries(commandArgs)
    .map(
      ([name, schema]) =>
        `- \`${name}\` v${definitionOf(name)?.v}: args \`${JSON.stringify(z.toJSONSchema(schema).properties)}\``,
    )
    .join('\n');
}

const HEARTBEAT_MS = 25_000;

export function syncRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  pokes: PokeHub,
  sessions: SessionGate,
  passKeys: PassKeyRing,
  pickupCodes: PickupCodeKeys,
  commandServices: Pick<CommandServices, 'returns'>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Open event streams are ended at shutdown, or app.close() would wait on them forever.
  const streams = new Set<() => void>();
  const deltas = new DeltaCache();
  app.addHook('onClose', async () => {
    for (const end of [...streams]) end();
  });

  r.post(
    '/api/sync/push',
    {
      onRequest: guards.requireAssociate,
      bodyLimit: 512 * 1024,
      // Each command's text is screened on its own (push-service.ts), so one bad command is
      // refused alone instead of its whole batch.
      config: { screensOwnFields: ['mutations'] },
      schema: {
        tags,
        security,
        summary: "Apply a device's queued commands exactly once, in sequence order",
        description: `At most 50 commands, oldest first. Each gets its own result: applied, duplicate (a resend; the stored result is returned) or rejected (a business rule said no; the command is consumed). 409 sync.outOfOrder carries expectedSeq; 422 sync.mutationMismatch means an id or seq was reused with other content; 409 sync.inProgress means a push from the same device is still running.\n\nCommands:\n${commandCatalogue()}`,
        body: pushBody,
        response: { 200: pushResponse, 400: errorBody, 401: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      try {
        return await pushMutations(db, principal, request.body, {
          verifyPass: passKeys.verify,
          limits: app.limits,
          ...commandServices,
        });
      } finally {
        // The device pulls right after: its pull must not be answered from before this commit.
        pokes.changed(principal.storeId);
      }
    },
  );

  r.get(
    '/api/sync/pull',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: "What changed in the signed-in store's data since the cursor",
        description:
          "Send ?cursor= and ?seq= from the last pull: when nothing changed since, the answer comes at once (no database read) with the same cursor and seq and no rows. Without seq, or when the server cannot be sure (its NOTIFY listener reconnecting), the database is read.\n\nWithout a cursor the answer is a snapshot that replaces the replica. With ?snapshot=pages it comes in pages (`page.next` is the next one's cursor; the products the store sells in `catalogue`, in columns): a dropped connection resumes at the page it lost, and once the last page is in, the delta from its `cursor` brings what changed meanwhile. Without it, the snapshot comes whole, as older apps expect.",
        querystring: pullQuery,
        response: { 200: pullResponse, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { cursor, seq } = request.query;
      const since = parseCursor(cursor);
      // A device that takes its snapshot in pages (ADR 0052); an older one gets it whole below.
      if (isSnapshotCursor(cursor) || (since === undefined && request.query.snapshot === 'pages')) {
        const mark = pokes.mark();
        const page = await snapshotPage(db, principal, request.query, pickupCodes);
        if (page.page?.n === 1) pokes.learn(principal.storeId, parseCursor(page.cursor) ?? 0, mark);
        return { ...page, passKeys: passKeys.publicKeys() };
      }
      if (
        cursor &&
        since !== undefined &&
        seq !== undefined &&
        since === pokes.versionOf(principal.storeId)
      ) {
        return { ...nothingNew(principal, cursor, seq, pickupCodes), passKeys: passKeys.publicKeys() };
      }
      if (since !== undefined) {
        const shared = await deltas.pull(db, principal, since, request.query.clientId, pickupCodes);
        if (shared) return { ...shared, passKeys: passKeys.publicKeys() };
      }
      const mark = pokes.mark();
      // A cursor's delta is one statement (delta-query.ts); a snapshot, or a cursor from the
      // future, the full pull.
      if (since === undefined) {
        const answer = await pullChanges(db, principal, request.query, pickupCodes);
        pokes.learn(principal.storeId, parseCursor(answer.cursor) ?? 0, mark);
        return { ...answer, passKeys: passKeys.publicKeys() };
      }
      // Another device of the store poked at the same moment may be reading this very delta:
      // this pull then waits and is answered from it (or from the database, if the store moved
      // on meanwhile).
      const { answer, read } = await deltas.read(
        principal.storeId,
        since,
        async () => {
          const delta = await pullDelta(db, principal, since, request.query, pickupCodes);
          const full = delta ?? (await pullChanges(db, principal, request.query, pickupCodes));
          deltas.remember(principal.storeId, since, full);
          return full;
        },
        () => deltas.pull(db, principal, since, request.query.clientId, pickupCodes),
      );
      if (read) pokes.learn(principal.storeId, parseCursor(answer.cursor) ?? 0, mark);
      return { ...answer, passKeys: passKeys.publicKeys() };
    },
  );

  r.get(
    '/api/sync/events',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Server-sent events: a "poke" whenever the store\'s data changes, so devices pull at once',
        response: { 401: errorBody },
      },
    },
    (request, reply) => {
      const { storeId } = principalOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
      const unsubscribe = pokes.subscribe(storeId, () =>
        res.write(`event: poke\ndata: {"storeId":"${storeId}"}\n\n`),
      );
      // A stream outlives the request that opened it: when its session ends (sign-out, a
      // deactivated associate, another store) the server says so and closes it, and the
      // device's reconnection is refused like any other request (ADR 0026).
      const session = sessions.watch(principalOf(request), () => {
        res.write(`event: ended\ndata: {"code":"${authErrorCodes.sessionEnded}"}\n\n`);
        end();
      });
      const heartbeat = setInterval(() => {
        res.write(': heartbeat\n\n');
        // Also catches a session whose NOTIFY was lost.
        void session.recheck();
      }, HEARTBEAT_MS);
      const end = () => {
        if (!streams.delete(end)) return;
        clearInterval(heartbeat);
        session.stop();
        unsubscribe();
        res.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
