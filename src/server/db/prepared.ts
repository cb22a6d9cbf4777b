import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { rowsOf } from './rows';

const dialect = new PgDialect();

/**
 * A raw statement written once with `sql.placeholder`s and sent under a name (ADR 0048): its
 * text is built here, once, not per call, and node-postgres parses it once per connection, then
 * sends only the name and the values. Where the database handle sends no named statements
 * (behind a transaction-mode pooler, see client.ts), it goes unnamed with the same text. PGlite
 * runs it like any statement.
 */
export function preparedStatement<Params extends Record<string, unknown>>(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  return async <Row>(db: Executor, params: Params): Promise<Row[]> =>
    rowsOf<Row>(await db._.session.prepareQuery(query, undefined, name, false).execute(params));
}
