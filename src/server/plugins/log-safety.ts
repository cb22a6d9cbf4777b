import type { FastifyServerOptions } from 'fastify';

/**
 * What the server logs, kept free of customers' personal data and of codes (issue 13): an SQL
 * failure logs its statement but never its parameters (e-mails, names, pickup codes), nor the
 * values PostgreSQL quotes back in its messages and details; e-mail addresses in any error text
 * are masked; logged URLs keep their query's names but not its values, and a curbside link's
 * token is not logged.
 */

const EMAIL = /[^\s"'<>(),;:]+@[^\s"'<>(),;:]+\.[a-z]{2,}/gi;
/** PostgreSQL quotes the offending value: `invalid input syntax for type uuid: "…"`. */
const QUOTED_VALUE = /(:\s*)"(?:[^"\\]|\\.)*"/g;
const MAX_CAUSES = 4;

export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(QUOTED_VALUE, '$1"[value]"');
}

type SafeError = {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  statusCode?: number;
  table?: string;
  column?: string;
  constraint?: string;
  cause?: SafeError;
};

function messageOf(error: Error & { query?: unknown; params?: unknown }): string {
  // drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <the values>". The SQL has only
  // placeholders; the values are what must stay out.
  if (typeof error.query === 'string' && 'params' in error) return `Failed query: ${error.query}`;
  return scrubText(error.message);
}

/** A log-safe copy of an error and its causes: what happened and where, none of the values. */
export function safeError(value: unknown, depth = 0): SafeError {
  if (!(value instanceof Error)) {
    const message = scrubText(typeof value === 'string' ? value : `non-error thrown (${typeof value})`);
    return { type: typeof value, message, stack: message };
  }
  const error = value as Error & Record<string, unknown>;
  const message = messageOf(error);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const safe: SafeError = {
    type: error.constructor?.name ?? error.name,
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
  if (typeof error.code === 'string') safe.code = error.code;
  if (typeof error.statusCode === 'number') safe.statusCode = error.statusCode;
  for (const key of ['table', 'column', 'constraint'] as const) {
    if (typeof error[key] === 'string') safe[key] = error[key];
  }
  if (depth < MAX_CAUSES && error.cause !== undefined && error.cause !== null)
    safe.cause = safeError(error.cause, depth + 1);
  return safe;
}

/** The logged form of a URL: the path (a curbside token masked) and the query's names only. */
export function safeUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const shownPath = path.replace(/^(\/api\/curbside\/)[^/]+/, '$1[token]');
  if (query === undefined) return shownPath;
  const names = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=', 1)[0]}=[value]`);
  return `${shownPath}?${names.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  host?: string;
  socket?: { remotePort?: number };
}

export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    serializers: {
      err: (value: unknown) => safeError(value),
      cause: (value: unknown) => safeError(value),
      error: (value: unknown) => (typeof value === 'string' ? scrubText(value) : safeError(value)),
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: safeUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
