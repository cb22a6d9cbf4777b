import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import {
  COMMAND_VERSION,
  commandArgs,
  pullQuery,
  pullResponse,
  pushBody,
  pushResponse,
} from '../../contract/sync';
import type { Db } from '../db/client';
import type { PassKeyRing } from '../passes/pass-key-ring';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import type { PokeHub } from './poke-hub';
import { pullChanges } from './pull-service';
import { pushMutations } from './push-service';

const tags = ['sync'];
const security = [{ bearer: [] }];

function commandCatalogue(): string {
  return Object.entries(commandArgs)
    .map(
      ([name, schema]) =>
        `- \`${name}\` v${COMMAND_VERSION}: args \`${JSON.stringify(z.toJSONSchema(schema).properties)}\``,
    )
    .join('\n');
}

const HEARTBEAT_MS = 25_000;

export function syncRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  pokes: PokeHub,
  passKeys: PassKeyRing,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Open event streams are ended at shutdown, or app.close() would wait on them forever.
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...streams]) end();
  });

  r.post(
    '/api/sync/push',
    {
      preHandler: guards.requireAssociate,
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        security,
        summary: "Apply a device's queued commands exactly once, in sequence order",
        description: `At most 50 commands, oldest first. Each gets its own result: applied, duplicate (a resend; the stored result is returned) or rejected (a business rule said no; the command is consumed). 409 sync.outOfOrder carries expectedSeq; 422 sync.mutationMismatch means an id or seq was reused with other content; 409 sync.inProgress means a push from the same device is still running.\n\nCommands:\n${commandCatalogue()}`,
        body: pushBody,
        response: { 200: pushResponse, 400: errorBody, 401: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    (request) => pushMutations(db, principalOf(request), request.body, passKeys.verify),
  );

  r.get(
    '/api/sync/pull',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: "What changed in the signed-in store's data since the cursor",
        querystring: pullQuery,
        response: { 200: pullResponse, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => ({
      ...(await pullChanges(db, principalOf(request), request.query)),
      passKeys: passKeys.publicKeys(),
    }),
  );

  r.get(
    '/api/sync/events',
    {
      preHandler: guards.requireAssociate,
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
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (!streams.delete(end)) return;
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
