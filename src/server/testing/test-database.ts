import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig, DatabaseHandle } from '../db/client';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';

/** Which database a *.db.test.ts file runs on; set per vitest project. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server named by DATABASE_URL, dropped again on close. Files never share state.
 * Each is a copy of the database the run migrated once (migrated-template.ts, the projects'
 * globalSetup); without one, as when a file runs outside those projects, it migrates its own.
 */
const urls = new WeakMap<DatabaseHandle, string>();

export async function openTestDatabase(
  options: Pick<DatabaseConfig, 'onStatement'> = {},
): Promise<DatabaseHandle> {
  const template = inject('migratedTemplate');
  if (testDatabaseKind() === 'pglite') {
    if (template) {
      const dump = new Blob([await readFile(template)]);
      return openDatabase({ dataDir: 'memory://', loadDataDir: dump, ...options });
    }
    const handle = await openDatabase({ dataDir: 'memory://', ...options });
    await runMigrations(handle);
    return handle;
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
  const name = `aisle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '', ...options });
  if (!template) await runMigrations(handle);
  const testHandle: DatabaseHandle = {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
  urls.set(testHandle, url.toString());
  return testHandle;
}

/** The postgres:// URL of a test database opened on PostgreSQL (undefined on PGlite). */
export function testDatabaseUrl(handle: DatabaseHandle): string | undefined {
  return urls.get(handle);
}

/**
 * A second, independent connection pool to the same PostgreSQL test database, as a second API
 * instance would open. Closing it leaves the database in place (the first handle drops it).
 */
export async function openSecondHandle(
  handle: DatabaseHandle,
  options: Pick<DatabaseConfig, 'onStatement' | 'listenUrl' | 'preparedStatements' | 'poolSize'> = {},
): Promise<DatabaseHandle> {
  const url = testDatabaseUrl(handle);
  if (!url) throw new Error('a second handle needs a PostgreSQL test database');
  return openDatabase({ databaseUrl: url, dataDir: '', ...options });
}
