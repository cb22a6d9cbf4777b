import { and, eq, inArray } from 'drizzle-orm';
import { DEMO_PINS } from '../domain/pin-policy';
import { createManagerCommand } from './admin/cli';
import { verifyPin } from './core/pin-hash';
import { parseEnv, type Env } from './env';
import { associates } from './db/schema';
import pino, { type Logger, type LoggerOptions } from 'pino';
import type { DatabaseHandle, Db } from './db/client';
import { buildApp } from './app';
import { isClusterWorker, isLeadWorker, metricsExpositionFor, runPrimary } from './cluster';
import { loggerOptions } from './plugins/log-safety';
import { databaseConfigOf, openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { createRng } from './db/seed';
import { startDemoOrderFeed } from './demo/demo-orders';
import { nameDemoPictures } from './demo/demo-pictures';
import { isSeeded, seedDemo, wipeData } from './demo/seed-demo';
import { pruneMutationLog } from './sync/push-service';

/**
 * The demo's published sign-ins (README: each store's <n>000 with 9999, <n>001-<n>004 with 1234)
 * that still work: production refuses to start while any does. One hash check per such account,
 * none on a database that never held the demo.
 */
async function demoSignInsLeft(db: Db): Promise<string[]> {
  const demoIds = (await db.select({ id: associates.employeeId }).from(associates))
    .map((row) => row.id)
    .filter((id) => /^\d{1,3}00[0-4]$/.test(id));
  if (demoIds.length === 0) return [];
  const rows = await db
    .select()
    .from(associates)
    .where(and(eq(associates.active, true), inArray(associates.employeeId, [...new Set(demoIds)])));
  const found: string[] = [];
  for (const row of rows) {
    for (const pin of DEMO_PINS) {
      if (await verifyPin(pin, row.pinHash)) found.push(`${row.storeId}/${row.employeeId}`);
    }
  }
  return found;
}

/** Says which secrets are generated and kept in the database rather than set by the operator. */
function generatedSecrets(env: Env): string[] {
  const generated: string[] = [];
  if (!env.JWT_SECRET) generated.push('JWT_SECRET');
  if (!env.PASS_SIGNING_KEY) generated.push('PASS_SIGNING_KEY');
  return generated;
}

/**
 * Everything done once per database before serving: migrations, the refusal of the demo's
 * sign-ins in production, the demo seed, and a first pruning of the mutation log. Under WORKERS
 * the primary does it before forking, so the workers only serve.
 */
async function prepareDatabase(database: DatabaseHandle, env: Env, log: Logger): Promise<void> {
  await runMigrations(database);
  for (const setting of generatedSecrets(env)) {
    log.warn(
      { setting },
      `${setting} is not set: a generated one, kept in the database, is used; set your own to manage and rotate it`,
    );
  }
  if (env.isProduction) {
    const left = await demoSignInsLeft(database.db);
    if (left.length) {
      throw new Error(
        `Invalid environment:\n  the database holds the demo's sign-ins with their published PINs (${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''}): production refuses them. Start a fresh database and create the first manager (README, "Deploying"), or run the demo with SEED=demo.`,
      );
    }
  } else if (env.NODE_ENV === 'production') {
    log.warn('SEED=demo: running the demo, with its published PINs and intake key. Never expose it.');
  }
  if (env.SEED === 'demo') {
    if (env.RESEED) {
      log.warn('RESEED: wiping every store, product, order and associate');
      await wipeData(database.db);
    }
    if (!(await isSeeded(database.db))) {
      const started = Date.now();
      const seeded = await seedDemo(database.db);
      log.info({ ...seeded, ms: Date.now() - started }, 'seeded the demo chain');
    } else {
      const named = await nameDemoPictures(database.db);
      if (named) log.info({ products: named }, 'named the demo pictures of products seeded without them');
    }
  }
  await pruneMutationLog(database.db);
}

function printBanner(env: Env, kind: string): void {
  const shown = shownHost(env);
  process.stdout.write(
    [
      '',
      `  Aisle is running at http://${shown}:${env.PORT}  (database: ${kind}${env.WORKERS > 1 ? `, ${env.WORKERS} workers` : ''})`,
      `  API docs: http://${shown}:${env.PORT}/api/docs`,
      env.SEED === 'demo'
        ? '  Sign in: store "Aisle Milano Duomo", employee 1001, PIN 1234 (manager: 1000, PIN 9999)'
        : '  No demo data. First store and manager: node dist/server/main.js create-manager --help',
      `  Returns: /returns · manager view: /manager · counter kiosk: /counter · board: /board`,
      '  (a manager shows an enrollment QR under Settings → Counter kiosk and board; the device scans it)',
      env.SMTP_URL
        ? `  E-mail: via ${new URL(env.SMTP_URL).host}`
        : '  E-mail: off (set SMTP_URL); messages wait in the outbox',
      ...(env.SMS_ADAPTER === 'log'
        ? ['  Texts (SMS): written to this log, not sent (SMS_ADAPTER=log)']
        : []),
      '',
      '',
    ].join('\n'),
  );
}

const shownHost = (env: Env) => (env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST);

/**
 * Serves the app from this process. The lead (the only process, or one chosen worker) also runs
 * the background jobs, the daily pruning and the demo feed: the jobs would be safe N times over
 * (SKIP LOCKED leases, row locks) but would poll N times for nothing.
 */
async function serve(database: DatabaseHandle, env: Env, lead: boolean): Promise<void> {
  // E-mails link back to the app (the curbside page): on a laptop demo that is this server.
  const publicUrl = env.PUBLIC_URL ?? `http://${shownHost(env)}:${env.PORT}`;
  const app = await buildApp({
    database,
    settings: { ...env, PUBLIC_URL: publicUrl },
    backgroundJobs: lead,
    metricsExposition: metricsExpositionFor,
  });
  const log = app.log;
  const prune = lead
    ? setInterval(() => {
        pruneMutationLog(database.db).catch((error: unknown) =>
          log.error({ err: error }, 'pruning the mutation log failed'),
        );
      }, 86_400_000)
    : undefined;
  prune?.unref();

  await app.listen({ port: env.PORT, host: env.HOST });
  const stopFeed =
    lead && env.SEED === 'demo' && env.DEMO_ORDERS
      ? startDemoOrderFeed(
          database.db,
          createRng(Date.now()),
          'MI01',
          env.DEMO_ORDER_INTERVAL_SECONDS,
          (message, error) => (error ? log.error({ err: error }, message) : log.info(message)),
        )
      : () => undefined;
  if (!isClusterWorker()) printBanner(env, database.kind);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    stopFeed();
    clearInterval(prune);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // The primary is gone (killed): a worker nobody restarts or stops should not linger.
  if (isClusterWorker()) process.on('disconnect', () => void shutdown('disconnect'));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const seedDemoFlag = process.argv.includes('--seed-demo');
  const env = parseEnv({
    ...process.env,
    ...(seedDemoFlag ? { SEED: 'demo' } : {}),
    RESEED: process.argv.includes('--reseed') ? 'true' : process.env.RESEED,
  });
  if (command === 'create-manager') {
    process.exit(await createManagerCommand(env, rest));
  }
  const database = await openDatabase(databaseConfigOf(env));
  if (isClusterWorker()) return serve(database, env, isLeadWorker());
  const log = pino(loggerOptions(env.LOG_LEVEL) as LoggerOptions);
  try {
    await prepareDatabase(database, env, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  if (env.WORKERS === 1) return serve(database, env, true);
  // The primary holds no connection while it only watches its workers.
  await database.close();
  runPrimary(env.WORKERS, log, () => printBanner(env, database.kind));
}

main().catch((error: unknown) => {
  process.stderr.write(`Aisle could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.stack && !error.message.startsWith('Invalid environment')) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
});
