import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestErrorCodes } from '../../contract/error-codes';

/**
 * The request destinations of a sub-resource (Sec-Fetch-Dest). A browser asking for one of these
 * wants a file, never the app's page.
 */
const subResourceDestinations = new Set([
  'script',
  'style',
  'image',
  'font',
  'worker',
  'sharedworker',
  'serviceworker',
  'manifest',
  'audio',
  'video',
  'track',
  'object',
  'embed',
  'json',
]);

/** Extensions of the files a build or a browser asks for; an app route never ends in one. */
const fileExtension =
  /\.(?:m?js|css|map|wasm|json|webmanifest|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|txt|xml|br|gz|html?)$/i;

/**
 * Whether a GET that matched no file is a navigation to one of the app's routes (which the
 * client router takes), rather than a file that is not there. A missing file must answer 404:
 * answering index.html with 200 made a new service worker, during a deploy, precache that page
 * as a script the old server did not have (issue 12).
 */
export function isAppNavigation(request: Pick<FastifyRequest, 'url' | 'headers'>): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  if (path.startsWith('/assets/')) return false;
  if (fileExtension.test(path)) return false;
  const destination = request.headers['sec-fetch-dest'];
  return typeof destination !== 'string' || !subResourceDestinations.has(destination);
}

/**
 * Serves the built PWA from the API's own port. Files are sent pre-compressed (the build writes a
 * .br and a .gz beside each one, scripts/compress-client.mjs) with Content-Encoding and
 * Vary: Accept-Encoding. Navigations to app routes get index.html; any other unknown path, under
 * /api or not, answers a JSON 404.
 */
export async function registerClientApp(app: FastifyInstance, clientDir: string): Promise<void> {
  const hasClient = existsSync(clientDir);
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      preCompressed: true,
      // The caching rule is ours (below), not send's default of max-age=0.
      cacheControl: false,
      setHeaders(res, filePath) {
        // Hashed assets never change; the shell and the service worker must be revalidated.
        if (filePath.includes('/assets/'))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else res.setHeader('cache-control', 'no-cache');
        // The same URL answers brotli, gzip or plain by Accept-Encoding: caches must key on it.
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (hasClient && isPage && isAppNavigation(request)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .header('cache-control', 'no-store')
      .send({
        code: requestErrorCodes.notFound,
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
  });
}
