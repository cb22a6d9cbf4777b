import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { authErrorCodes, requestErrorCodes } from '../../contract/error-codes';
import { HttpError } from '../http-error';
import type { ServerMetrics } from './server-metrics';

export interface MetricsOptions {
  /** Unset: /metrics answers 404, as if absent. */
  token: string | undefined;
  /** The text to serve; by default this process's registry (cluster.ts passes the workers' sum). */
  exposition?: () => Promise<{ text: string; contentType: string }>;
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Times every answer and counts pushes and pulls from their answers (so the sync services stay
 * unaware of metrics), and serves GET /metrics to Prometheus. The metrics tell store counts and
 * load, not data, but still only to who holds METRICS_TOKEN: the port is the public one.
 */
export function metricsRoutes(app: FastifyInstance, metrics: ServerMetrics, options: MetricsOptions): void {
  app.addHook('onResponse', async (request, reply) => {
    // An event stream's "duration" is how long a device stayed connected, not latency.
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/event-stream')) return;
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestSeconds.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (reply.statusCode !== 200) return payload;
    const route = request.routeOptions.url;
    if (route === '/api/sync/push') {
      for (const result of (payload as { results?: { status: string }[] }).results ?? []) {
        metrics.commands.inc({ status: result.status });
      }
    } else if (route === '/api/sync/pull') {
      metrics.pulls.inc({ reset: String((payload as { reset?: boolean }).reset === true) });
    }
    return payload;
  });

  const exposition =
    options.exposition ??
    (async () => ({ text: await metrics.registry.metrics(), contentType: metrics.registry.contentType }));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        security: [{ metricsToken: [] }],
        summary: 'Prometheus metrics: latency, pushes, pulls, pokes, event streams, outbox depth, DB pool',
        description:
          'Served only when METRICS_TOKEN is set (404 otherwise), to `Authorization: Bearer <METRICS_TOKEN>`. ' +
          'Text exposition format 0.0.4; under WORKERS the sum over the processes. docs/deploying-a-chain.md lists the metrics.',
        response: { 200: z.string(), 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      if (!options.token) throw new HttpError(404, requestErrorCodes.notFound, 'No route GET /metrics');
      if (!bearerMatches(request, options.token)) {
        throw new HttpError(401, authErrorCodes.invalidToken, 'Send Authorization: Bearer <METRICS_TOKEN>');
      }
      const { text, contentType } = await exposition();
      return reply.type(contentType).send(text);
    },
  );
}
