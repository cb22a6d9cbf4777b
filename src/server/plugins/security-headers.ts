import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of the app, the kiosk and the board (docs/decisions/0023): only
 * this origin's scripts, no inline script and no eval; WebAssembly may compile (zxing-wasm
 * decodes camera frames in a worker from /assets); no page may frame any of ours.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'script-src-attr': ["'none'"],
  'worker-src': ["'self'"],
  // Sheets from this origin only; no <style> element and no style attribute in markup. React's
  // `style` props go through the CSSOM, which CSP does not govern.
  'style-src': ["'self'"],
  // Barcodes and QR codes are inline SVG; PDFs and label previews are blob: URLs. Product
  // pictures come from this server, or from the hosts PRODUCT_IMAGE_ORIGINS adds (ADR 0055).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** The camera for scanning, on this origin only; none of what a store device is never asked for. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer, page and API alike (issue 13 point 3), with @fastify/helmet.
 * HSTS is sent only on a request that came over HTTPS, which this server (plain HTTP) only knows
 * from a proxy it trusts (TRUST_PROXY, X-Forwarded-Proto): on a laptop or a LAN over plain HTTP
 * it would lock browsers out of the app.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  { productImageOrigins = [] }: { productImageOrigins?: readonly string[] } = {},
): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        'img-src': [...CONTENT_SECURITY_POLICY['img-src'], ...productImageOrigins],
      },
    },
    // Cross-origin isolation is not needed (no SharedArrayBuffer) and would block the
    // camera-less fallback's blobs; the opener policy still keeps other sites' windows out.
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // Curbside links carry their token in the path: no address of ours goes anywhere as a referrer.
    referrerPolicy: { policy: 'no-referrer' },
    hsts: false,
    noSniff: true,
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
