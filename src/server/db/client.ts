import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Env } from '../env';
import { openListener, type OnConnection } from './listener';
import * as schema from './schema';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either, so one function serves inside and outside a transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

/** What the connection pool holds right now (node-postgres); PGlite has no pool. */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /**
   * LISTEN on a channel; NOTIFYs from any connection or instance arrive here after commit.
   * `onConnection` hears when the listening connection is lost (false) and listens again (true);
   * PGlite's in-process NOTIFYs are never lost.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onConnection?: OnConnection,
  ): Promise<() => Promise<void>>;
  /**
   * Runs `work` on one connection of its own, straight to PostgreSQL (DATABASE_LISTEN_URL when
   * set), for what needs session state across statements: a session advisory lock. Through a
   * transaction-mode pooler each statement may land on another server connection.
   */
  session<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** The pool's connections, for /metrics; undefined on PGlite. */
  poolUse(): PoolUse | undefined;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** A postgres:// URL; when absent the embedded PGlite is used. May point at PgBouncer. */
  databaseUrl?: string | undefined;
  /**
   * A postgres:// URL straight to the server, for LISTEN and session work (ADR 0044). Unset:
   * databaseUrl, which must then not be a transaction-mode pooler.
   */
  listenUrl?: string | undefined;
  /**
   * Whether statements given a name (prepared.ts, drizzle's `.prepare`) are sent named, so
   * PostgreSQL parses and plans them once per connection (default true). False sends them
   * unnamed, for a transaction-mode pooler that cannot keep a connection's named statements.
   * PGlite runs them the same either way.
   */
  preparedStatements?: boolean | undefined;
  /** Connections the pool may open (per process). */
  poolSize?: number | undefined;
  /** PGlite's folder on disk, or 'memory://' for a throwaway database. */
  dataDir: string;
  /**
   * PGlite only: a dump (PGlite's dumpDataDir) to start from instead of an empty database.
   * Tests start each file's database from one migrated once (testing/migrated-template.ts).
   */
  loadDataDir?: Blob | undefined;
  /**
   * Hears every statement sent (tests and benches count round trips with it; see
   * statement-counter.ts). Unset in production, where it costs nothing.
   */
  onStatement?: ((statement: string) => void) | undefined;
}

export const DEFAULT_POOL_SIZE = 10;

/** The database the settings name: the one way main.ts and the command-line tools open it. */
export function databaseConfigOf(
  env: Pick<
    Env,
    | 'DATABASE_URL'
    | 'DATABASE_LISTEN_URL'
    | 'DATABASE_PREPARED_STATEMENTS'
    | 'DATABASE_POOL_SIZE'
    | 'DATA_DIR'
  >,
): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    listenUrl: env.DATABASE_LISTEN_URL,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS
      ? env.DATABASE_PREPARED_STATEMENTS === 'on'
      : !env.DATABASE_LISTEN_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    dataDir: env.DATA_DIR,
  };
}

function loggerOf(config: DatabaseConfig) {
  const { onStatement } = config;
  return onStatement ? { logger: { logQuery: (statement: string) => onStatement(statement) } } : {};
}

/**
 * A node-postgres client that sends every statement unnamed: through a transaction-mode pooler
 * a statement named on one server connection may be executed on another, which never saw it.
 */
class UnnamedStatementClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [config, ...rest] = args;
    const named = typeof config === 'object' && config !== null && 'name' in config && !('submit' in config);
    const send = super.query.bind(this) as (...sent: unknown[]) => never;
    return send(named ? { ...config, name: undefined } : config, ...rest);
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const max = config.poolSize ?? DEFAULT_POOL_SIZE;
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max,
      ...(config.preparedStatements === false ? { Client: UnnamedStatementClient } : {}),
    });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => undefined);
    await pool.query('select 1');
    const directUrl = config.listenUrl ?? config.databaseUrl;
    const listener = openListener(directUrl);
    return {
      db: drizzleNodePg(pool, { schema, ...loggerOf(config) }) as unknown as Db,
      kind: 'postgres',
      listen: (channel, onPayload, onConnection) => listener.listen(channel, onPayload, onConnection),
      async session(work) {
        const client = new pg.Client({ connectionString: directUrl });
        client.on('error', () => undefined);
        await client.connect();
        try {
          return await work(drizzleNodePg(client, { schema }) as unknown as Db);
        } finally {
          await client.end();
        }
      },
      poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
      async close() {
        await listener.close();
        await pool.end();
      },
    };
  }
  if (!config.dataDir.startsWith('memory://')) mkdirSync(config.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: config.dataDir,
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  const { onStatement } = config;
  if (onStatement) {
    // drizzle hands PGlite whole transactions; their begin and commit are statements too.
    const transaction = client.transaction.bind(client);
    client.transaction = async (work) => {
      onStatement('begin');
      const result = await transaction(work);
      onStatement('commit');
      return result;
    };
  }
  const db = drizzlePglite(client, { schema, ...loggerOf(config) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return () => unsubscribe();
    },
    session: (work) => work(db),
    poolUse: () => undefined,
    close: () => client.close(),
  };
}
