import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { migrationsDir } from '../project-root';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * What openTestDatabase copies for each file: on PGlite the path of a dump of a migrated
     * database, on PostgreSQL the name of a migrated template database.
     */
    migratedTemplate: string;
  }
}

/**
 * Vitest globalSetup of the database projects: the migrations run once per run, not once per
 * file. Each file still gets a database of its own, copied from this one (ADR 0056).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return project.config.env.TEST_DB === 'postgres' ? postgresTemplate(project) : pgliteTemplate(project);
}

async function pgliteTemplate(project: TestProject): Promise<() => Promise<void>> {
  const client = await PGlite.create('memory://');
  await migrate(drizzle(client), { migrationsFolder: migrationsDir });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = mkdtempSync(join(tmpdir(), 'aisle-migrated-'));
  const file = join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('migratedTemplate', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

async function postgresTemplate(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
  const name = `aisle_template_${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Closed before any copy: PostgreSQL copies a template only while nobody is connected to it.
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
  project.provide('migratedTemplate', name);
  return () => onServer(adminUrl, `drop database if exists ${name} with (force)`);
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
