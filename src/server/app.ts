import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes } from './auth/auth-routes';
import { curbsideKey } from './curbside/curbside-token';
import { curbsideRoutes } from './curbside/curbside-routes';
import { loadSigningSecret } from './auth/secret';
import { TokenService } from './auth/tokens';
import type { DatabaseHandle } from './db/client';
import type { Env } from './env';
import { healthRoutes } from './health/health-routes';
import { registerBackgroundJobs, type JobSettings } from './jobs/background-jobs';
import { intakeRoutes, platformRoutes } from './orders/intake-routes';
import { kioskRoutes } from './kiosk/kiosk-routes';
import { ordersRoutes } from './orders/orders-routes';
import { managerRoutes } from './manager/manager-routes';
import { loadPassKeyRing } from './passes/pass-key-ring';
import { passRoutes } from './passes/pass-routes';
import { registerAuth } from './plugins/auth';
import { registerClientApp } from './plugins/client-app';
import { registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { returnsRoutes } from './returns/returns-routes';
import { returnReviewRoutes } from './returns/return-review-routes';
import { clientDir } from './project-root';
import { createCarrierRegistry, type CarrierRegistry } from './shipping/carrier-registry';
import { shippingRoutes } from './shipping/shipping-routes';
import { stockRoutes } from './stock/stock-routes';
import { storesRoutes } from './stores/stores-routes';
import { PokeHub } from './sync/poke-hub';
import { syncRoutes } from './sync/sync-routes';

export type AppSettings = Pick<
  Env,
  'LOG_LEVEL' | 'INTAKE_API_KEY' | 'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_DAYS'
> &
  Partial<
    Pick<Env, 'PASS_SIGNING_KEY' | 'PASS_RETIRED_PUBLIC_KEYS' | 'SHIPPING_CARRIER' | 'PAYMENT_ADAPTER'>
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
}

/** Builds the whole API (and the static PWA) without listening, for main.ts and for tests. */
export async function buildApp({
  database,
  settings,
  logger = true,
  carriers,
  backgroundJobs = false,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? { level: settings.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers["x-api-key"]'] }
      : false,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerOpenApi(app);

  const { db } = database;
  const signingSecret = await loadSigningSecret(db, settings.JWT_SECRET);
  const tokens = new TokenService(signingSecret, settings.ACCESS_TOKEN_TTL_SECONDS);
  const curbside = curbsideKey(signingSecret);
  const guards = registerAuth(app, tokens);
  const passKeys = await loadPassKeyRing(db, settings);

  healthRoutes(app, database);
  authRoutes(app, db, { tokens, refreshTtlDays: settings.REFRESH_TOKEN_TTL_DAYS }, guards);
  storesRoutes(app, db, guards);
  stockRoutes(app, db, guards);
  intakeRoutes(app, db, settings.INTAKE_API_KEY);
  ordersRoutes(app, db, guards, passKeys.verify);
  passRoutes(app, db, guards, passKeys);
  kioskRoutes(app, db, guards, passKeys.verify);
  shippingRoutes(app, db, guards, carriers ?? createCarrierRegistry(db, settings.SHIPPING_CARRIER));
  returnsRoutes(app, db, guards);
  managerRoutes(app, db, guards);
  await returnReviewRoutes(app, db, guards, settings);
  const pokes = new PokeHub();
  await pokes.start(database);
  app.addHook('onClose', () => pokes.stop());
  syncRoutes(app, db, guards, pokes, passKeys);
  platformRoutes(app, db, settings.INTAKE_API_KEY);
  curbsideRoutes(app, db, curbside);
  if (backgroundJobs) registerBackgroundJobs(app, database, settings, passKeys, curbside);
  await registerClientApp(app, clientDir);
  return app;
}
