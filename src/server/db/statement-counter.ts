import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the statements (database round trips) one piece of work sends, for tests and benches:
 * open the database with `onStatement: counter.onStatement`, then `counter.count(work)`. Only
 * statements sent from within `work`'s async context count, so background jobs running
 * meanwhile do not. On PostgreSQL every statement is a round trip (begin and commit included);
 * on PGlite there is no network, but the same statements are counted.
 */
export class StatementCounter {
  private readonly scope = new AsyncLocalStorage<{ statements: string[] }>();

  readonly onStatement = (statement: string): void => {
    this.scope.getStore()?.statements.push(statement);
  };

  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const tally = { statements: [] as string[] };
    // Awaited inside the scope: a drizzle query and app.inject start only when awaited.
    const result = await this.scope.run(tally, async () => await work());
    return { result, statements: tally.statements };
  }
}
