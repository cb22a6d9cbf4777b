import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes } from './auth/auth-routes';
import { curbsideKey } from './curbside/curbside-token';
import { curbsideRoutes } from './curbside/curbside-routes';
import { substitutionRoutes } from './substitutions/substitution-routes';
import { substitutionKey } from './substitutions/substitution-token';
import { loadSigningSecret } from './core/secret';
import { SessionGate } from './core/session-gate';
import { TokenService } from './core/tokens';
import type { DatabaseHandle } from './db/client';
import type { Env } from './env';
import { healthRoutes } from './health/health-routes';
import { registerBackgroundJobs, type JobSettings } from './jobs/background-jobs';
import { intakeRoutes, platformRoutes } from './orders/intake-routes';
import { productImageRoutes } from './catalogue/product-image-routes';
import { kioskRoutes } from './kiosk/kiosk-routes';
import { enrollmentCodeKey } from './kiosk/kiosk-enrollment-codes';
import { ordersRoutes } from './orders/orders-routes';
import { managerRoutes } from './manager/manager-routes';
import { substitutionSettingsRoutes } from './manager/substitution-settings-routes';
import { loadPassKeyRing } from './core/pass-key-ring';
import { metricsRoutes, type MetricsOptions } from './metrics/metrics-routes';
import { createServerMetrics } from './metrics/server-metrics';
import { passRoutes } from './passes/pass-routes';
import { PickupCodeKeys } from './core/pickup-code-keys';
import { registerAuth } from './plugins/auth';
import { registerClientApp } from './plugins/client-app';
import { frameworkErrors, registerErrorHandling } from './plugins/errors';
import { loggerOptions } from './plugins/log-safety';
import { registerOpenApi } from './plugins/openapi';
import { registerLimits } from './rate-limit/limits';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWireTextScreening } from './plugins/wire-text';
import { returnsRoutes } from './returns/returns-routes';
import { returnReviewRoutes } from './returns/return-review-routes';
import { returnServices } from './returns/returns-runtime';
import { clientDir } from './project-root';
import { createCarrierRegistry, type CarrierRegistry } from './shipping/carrier-registry';
import { shippingRoutes } from './shipping/shipping-routes';
import { stockRoutes } from './stock/stock-routes';
import { categoryAgesRoutes } from './stores/category-ages-routes';
import { storesRoutes } from './stores/stores-routes';
import { PokeHub } from './sync/poke-hub';
import { syncRoutes } from './sync/sync-routes';

export type AppSettings = Pick<
  Env,
  'LOG_LEVEL' | 'INTAKE_API_KEY' | 'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_DAYS'
> &
  Partial<
    Pick<
      Env,
      | 'PASS_SIGNING_KEY'
      | 'PASS_RETIRED_PUBLIC_KEYS'
      | 'SHIPPING_CARRIER'
      | 'PAYMENT_ADAPTER'
      | 'TRUST_PROXY'
      | 'PRODUCT_IMAGE_ORIGINS'
      | 'METRICS_TOKEN'
    >
  > &
  JobSettings;

export interface BuildOptions {
  database: DatabaseHandle;
  settings: AppSettings;
  /** Pretty or JSON logs; tests pass false. */
  logger?: boolean;
  /** The carriers labels are booked with; by default the one SHIPPING_CARRIER names. */
  carriers?: CarrierRegistry;
  /** The notifier, webhook dispatcher and expiry job, started on listen (main.ts); tests leave them off. */
  backgroundJobs?: boolean;
  /** Where /metrics reads from, given this app's registry: a cluster worker sums the workers' (cluster.ts). */
  metricsExposition?: (local: Registry) => MetricsOptions['exposition'];
}

function trustProxyOption(setting: Env['TRUST_PROXY'] | undefined) {
  // A number of hops: trust that many proxies nearest to the server (as Fastify does for a number).
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : (setting ?? false);
}

/** Builds the whole API (and the static PWA) without listening, for main.ts and for tests. */
export async function buildApp({
  database,
  settings,
  logger = true,
  carriers,
  backgroundJobs = false,
  metricsExposition,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(settings.LOG_LEVEL) : false,
    bodyLimit: 1024 * 1024,
    // Fastify's own refusals (bad percent-encoding, a path parameter longer than 100 characters)
    // answer in the error body every other error has.
    frameworkErrors,
    // Behind a TLS proxy: the client's address and protocol from the proxies TRUST_PROXY names.
    trustProxy: trustProxyOption(settings.TRUST_PROXY),
  });
  // API answers go brotli or gzip (a first replica pull is ~1 MB of JSON); the client's files are
  // compressed at build and sent as they are (plugins/client-app.ts). Before any route.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await registerSecurityHeaders(app, { productImageOrigins: settings.PRODUCT_IMAGE_ORIGINS ?? [] });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerWireTextScreening(app);
  await registerOpenApi(app);

  const { db } = database;
  const signingSecret = await loadSigningSecret(db, settings.JWT_SECRET);
  const tokens = new TokenService(signingSecret, settings.ACCESS_TOKEN_TTL_SECONDS);
  const curbside = curbsideKey(signingSecret);
  const substitution = substitutionKey(signingSecret);
  await registerLimits(app, db);
  const pokes = new PokeHub();
  await pokes.start(database);
  app.addHook('onClose', () => pokes.stop());
  // Before the routes, so its hooks time and count every one of them.
  const metrics = createServerMetrics(database, pokes);
  app.addHook('onClose', async () => metrics.close());
  const exposition = metricsExposition?.(metrics.registry);
  metricsRoutes(app, metrics, { token: settings.METRICS_TOKEN, ...(exposition ? { exposition } : {}) });
  const sessions = new SessionGate(db);
  await sessions.start(database);
  app.addHook('onClose', () => sessions.stop());
  const guards = registerAuth(app, tokens, sessions);
  const passKeys = await loadPassKeyRing(db, settings);

  healthRoutes(app, database);
  authRoutes(app, db, { tokens, refreshTtlDays: settings.REFRESH_TOKEN_TTL_DAYS }, guards);
  storesRoutes(app, db, guards);
  categoryAgesRoutes(app, db, guards);
  stockRoutes(app, db, guards);
  intakeRoutes(app, db, settings.INTAKE_API_KEY);
  ordersRoutes(app, db, guards, passKeys.verify, returnServices());
  passRoutes(app, db, guards, passKeys);
  kioskRoutes(app, db, guards, passKeys.verify, enrollmentCodeKey(signingSecret));
  shippingRoutes(app, db, guards, carriers ?? createCarrierRegistry(db, settings.SHIPPING_CARRIER));
  returnsRoutes(app, db, guards);
  managerRoutes(app, db, guards);
  substitutionSettingsRoutes(app, db, guards);
  await returnReviewRoutes(app, db, guards, settings);
  // Returns are judged and paid with what the returns feature configured (ADR 0039).
  syncRoutes(app, db, guards, pokes, sessions, passKeys, new PickupCodeKeys(signingSecret), {
    returns: returnServices(),
  });
  platformRoutes(app, db, settings.INTAKE_API_KEY);
  productImageRoutes(app, db, settings.INTAKE_API_KEY);
  curbsideRoutes(app, db, curbside, guards, settings.PUBLIC_URL);
  substitutionRoutes(app, db, substitution);
  if (backgroundJobs) registerBackgroundJobs(app, database, settings, passKeys, curbside, substitution);
  await registerClientApp(app, clientDir);
  return app;
}
