// Loads the benchmark chain into an empty PostgreSQL database, to try the app at chain scale:
//   createdb aisle_chain
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/aisle_chain npx tsx src/server/demo/seed-chain-cli.ts [stores] [products]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/aisle_chain SEED=none npm start
import { parseEnv } from '../env';
import { databaseConfigOf, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedChain } from './seed-chain';

const env = parseEnv(process.env);
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to an empty PostgreSQL database: the chain is too big for PGlite.');
  process.exit(1);
}
const [stores, products] = process.argv.slice(2).map(Number);
const database = await openDatabase(databaseConfigOf(env));
try {
  await runMigrations(database);
  const stats = await seedChain(database, { stores, products });
  console.log(
    `Loaded ${stats.stores} stores × ${stats.products} products = ${stats.stockRows} stock rows in ${(stats.timings.total / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
