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

/**
 * Texts named so far by `executeNamed`, and the cap past which a new text goes unnamed: each name
 * is a statement parsed and kept on every connection of the pool, so a statement whose text
 * varied with its values (a mistake) must not grow them without end.
 */
const namedTexts = new Map<string, string>();
const NAMED_TEXTS_MAX = 256;

/**
 * Runs a statement built per call whose text depends only on its shape, its values being
 * parameters (the push's batch reads and its one write, ADR 0053): each distinct text is sent
 * under its own name, so PostgreSQL parses and plans each shape once per connection (ADR 0048).
 * The query builder still runs per call. Unnamed where the handle sends no named statements.
 */
export async function executeNamed<Row>(db: Executor, statement: SQL): Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  let name = namedTexts.get(query.sql);
  if (name === undefined && namedTexts.size < NAMED_TEXTS_MAX) {
    name = `aisle_shape_${namedTexts.size + 1}`;
    namedTexts.set(query.sql, name);
  }
  return rowsOf<Row>(await db._.session.prepareQuery(query, undefined, name, false).execute());
}
