import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { requestErrorCodes } from '../../contract/error-codes';

/**
 * Serves the built PWA from the API's own port. Unknown /api paths answer a JSON 404; any
 * other unknown path gets index.html so the client router can take it.
 */
export async function registerClientApp(app: FastifyInstance, clientDir: string): Promise<void> {
  const hasClient = existsSync(clientDir);
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      setHeaders(res, filePath) {
        // Hashed assets never change; the shell and the service worker must be revalidated.
        if (filePath.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi && hasClient && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({
      code: requestErrorCodes.notFound,
      message: `No route ${request.method} ${request.url.split('?')[0]}`,
    });
  });
}
