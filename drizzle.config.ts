import { defineConfig } from 'drizzle-kit';

// Migrations are generated from schema.ts, reviewed, and committed as SQL. Never edit one
// that has landed: add a new one (widen, migrate data, then narrow).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
