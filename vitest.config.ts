import { defineConfig } from 'vitest/config';

// Pure tests run in one project; tests that need a database (*.db.test.ts) run on PGlite
// and, when DATABASE_URL names a PostgreSQL server, once more on it.
const dbProject = (kind: 'pglite' | 'postgres') => ({
  test: {
    name: `db-${kind}`,
    include: ['src/**/*.db.test.ts'],
    env: { TEST_DB: kind },
    // Migrates one database per run; each file starts from a copy of it (ADR 0056).
    globalSetup: ['src/server/testing/migrated-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

// Vitest's default is one worker per core less one: a single worker on a 2-core CI machine.
// Database tests mostly wait on PostgreSQL, timers and sockets, so three share two cores well.
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS ?? 3);

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.db.test.ts'],
        },
      },
      dbProject('pglite'),
      ...(process.env.DATABASE_URL ? [dbProject('postgres')] : []),
    ],
  },
});
