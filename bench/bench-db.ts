// Databases for benchmarks: always fresh, never the one DATABASE_URL names (it is only used to
// reach the server and create a throwaway database, which is dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseHandle } from '../src/server/db/client';
import { openDatabase } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';

export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  /** Open in this process; close it before a child server opens a PGlite folder. */
  handle: DatabaseHandle;
  /** For a child server: DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite on disk). */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** Reopens the handle (PGlite on disk, once a child server has let go of the folder). */
  reopen(): Promise<DatabaseHandle>;
  /** Closes the handle and removes the database. */
  dispose(): Promise<void>;
}

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database: a new PostgreSQL database on the server DATABASE_URL names, or
 * PGlite (in memory, or on disk in a temporary folder when a child server is to open it).
 */
export async function openBenchDatabase(
  kind: 'pglite' | 'postgres',
  options: {
    onDisk?: boolean;
    onStatement?: (statement: string) => void;
    /** The PostgreSQL database's name before its random suffix (aisle_bench). */
    prefix?: string;
  } = {},
): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('a PostgreSQL bench needs DATABASE_URL');
    const name = `${options.prefix ?? 'aisle_bench'}_${randomBytes(5).toString('hex')}`;
    await admin(adminUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const open = () =>
      openDatabase({ databaseUrl: url.toString(), dataDir: '', onStatement: options.onStatement });
    let handle = await open();
    await runMigrations(handle);
    const db: BenchDatabase = {
      kind,
      handle,
      env: { DATABASE_URL: url.toString() },
      async reopen() {
        handle = await open();
        db.handle = handle;
        return handle;
      },
      async dispose() {
        await handle.close().catch(() => undefined);
        await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
    return db;
  }
  const dataDir = options.onDisk ? mkdtempSync(join(tmpdir(), 'aisle-bench-')) : 'memory://';
  const open = () => openDatabase({ dataDir, onStatement: options.onStatement });
  let handle = await open();
  await runMigrations(handle);
  const db: BenchDatabase = {
    kind,
    handle,
    env: options.onDisk ? { DATA_DIR: dataDir } : {},
    async reopen() {
      handle = await open();
      db.handle = handle;
      return handle;
    },
    async dispose() {
      await handle.close().catch(() => undefined);
      if (options.onDisk) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return db;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
