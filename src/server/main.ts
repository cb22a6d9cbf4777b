import { parseEnv } from './env';
import { buildApp } from './app';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { createRng } from './db/seed';
import { startDemoOrderFeed } from './demo/demo-orders';
import { isSeeded, seedDemo, wipeData } from './demo/seed-demo';
import { pruneMutationLog } from './sync/push-service';

async function main(): Promise<void> {
  const env = parseEnv({
    ...process.env,
    RESEED: process.argv.includes('--reseed') ? 'true' : process.env.RESEED,
  });
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  await runMigrations(database);
  const shown = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  // E-mails link back to the app (the curbside page): on a laptop demo that is this server.
  const publicUrl = env.PUBLIC_URL ?? `http://${shown}:${env.PORT}`;
  const app = await buildApp({
    database,
    settings: { ...env, PUBLIC_URL: publicUrl },
    backgroundJobs: true,
  });
  const log = app.log;

  if (env.SEED === 'demo') {
    if (env.RESEED) {
      log.warn('RESEED: wiping every store, product, order and associate');
      await wipeData(database.db);
    }
    if (!(await isSeeded(database.db))) {
      const started = Date.now();
      const seeded = await seedDemo(database.db);
      log.info({ ...seeded, ms: Date.now() - started }, 'seeded the demo chain');
    }
  }

  await pruneMutationLog(database.db);
  const prune = setInterval(() => {
    pruneMutationLog(database.db).catch((error: unknown) =>
      log.error({ err: error }, 'pruning the mutation log failed'),
    );
  }, 86_400_000);
  prune.unref();

  await app.listen({ port: env.PORT, host: env.HOST });
  const stopFeed =
    env.SEED === 'demo' && env.DEMO_ORDERS
      ? startDemoOrderFeed(
          database.db,
          createRng(Date.now()),
          'MI01',
          env.DEMO_ORDER_INTERVAL_SECONDS,
          (message, error) => (error ? log.error({ err: error }, message) : log.info(message)),
        )
      : () => undefined;

  process.stdout.write(
    [
      '',
      `  Aisle is running at http://${shown}:${env.PORT}  (database: ${database.kind})`,
      `  API docs: http://${shown}:${env.PORT}/api/docs`,
      env.SEED === 'demo'
        ? '  Sign in: store "Aisle Milano Duomo", employee 1001, PIN 1234 (manager: 1000, PIN 9999)'
        : '  No demo data (SEED=none).',
      `  Returns: /returns · manager view: /manager · counter kiosk: /counter · board: /board`,
      '  (a manager enrolls the kiosk or board device under Settings → Counter kiosk and board)',
      env.SMTP_URL
        ? `  E-mail: via ${new URL(env.SMTP_URL).host}`
        : '  E-mail: off (set SMTP_URL); messages wait in the outbox',
      '',
      '',
    ].join('\n'),
  );

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
}

main().catch((error: unknown) => {
  process.stderr.write(`Aisle could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.stack && !error.message.startsWith('Invalid environment')) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
});
