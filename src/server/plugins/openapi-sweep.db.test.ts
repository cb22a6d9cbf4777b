import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { EnrolledKiosk } from '../../contract/kiosk';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';

/**
 * Issue 13 point 2, as an attacker sends it: every operation of the OpenAPI document, signed in
 * with the credentials it asks for, gets malformed, NUL and lone-surrogate text in each path
 * parameter, query parameter and body field. No answer may be a 5xx; every refusal carries the
 * error body; text no column may hold is refused with 400 request.unsafeText.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Record<string, unknown>[];
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

let t: TestApp;
let doc: OpenApiDoc;
let kioskSecret: string;
let orderId: string;
let session: Session;

const signInManager = () => t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'sweep-device-01' });

beforeAll(async () => {
  t = await createTestApp();
  session = await signInManager();
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json<OpenApiDoc>();
  const enrolled = await t.app.inject({
    method: 'POST',
    url: '/api/kiosks',
    headers: bearer(session),
    payload: { name: 'Sweep counter' },
  });
  kioskSecret = enrolled.json<EnrolledKiosk>().secret;
  orderId = (await t.app.inject({ url: '/api/queue', headers: bearer(session) })).json().orders[0].id;
});
afterAll(() => t?.close());

function resolve(schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let i = 0; current.$ref && i < 10; i++) {
    current = doc.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  const choice = current.anyOf ?? current.oneOf;
  if (choice) return resolve(choice.find((s) => resolve(s).type !== 'null') ?? choice[0]);
  if (current.allOf) return resolve(current.allOf[0]);
  return current;
}

/** A plausible value for a schema: something of the right shape, so each field is reached. */
function sample(schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    if (depth > 6) return {};
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]));
  }
  if (type === 'array') return depth > 6 ? [] : [sample(s.items, depth + 1)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date-time') return '2030-01-01T12:00:00.000Z';
  if (s.format === 'date') return '2030-01-01';
  if (s.format === 'email') return 'sweep@example.com';
  return 'x';
}

/** Every leaf of a sampled body, as a path of keys and indexes. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leaves(v, [...path, i])) : [path];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leaves(v, [...path, k])) : [path];
  }
  return [path];
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

const NUL = 'a\u0000b';
const HIGH = 'x\ud800';
const LOW = '\udc00y';
const unsafeValues = [NUL, HIGH, LOW];
const malformedBodyValues: unknown[] = [
  {},
  [],
  null,
  -1,
  1e308,
  'x'.repeat(10_000),
  '\u202e\uffff😀',
  "' or 1=1 --",
];
/** Raw (already URL-encoded) path and query values. */
const unsafeUrlValues = ['%00', 'x%00y'];
const malformedUrlValues = [
  '%E0%A4%A',
  '%ZZ',
  '%ED%A0%80',
  'a'.repeat(10_000),
  '%27%20or%201%3D1%20--',
  '..%2F..%2Fetc',
  '-1',
];

interface Probe {
  label: string;
  method: string;
  url: string;
  payload?: string;
  unsafe: boolean;
}

function probesOf(path: string, method: string, op: Operation): Probe[] {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const baseParams: Record<string, string> = Object.fromEntries(
    pathParams.map((name) => [name, name === 'orderId' ? orderId : randomUUID()]),
  );
  const baseQuery: Record<string, string> = Object.fromEntries(
    queryParams.map((p) => [p.name, encodeURIComponent(String(sample(p.schema)))]),
  );
  const baseBody = bodySchema ? sample(bodySchema) : undefined;
  const url = (params: Record<string, string>, query: Record<string, string>) => {
    const filled = path.replace(/\{([^}]+)\}/g, (_whole, name: string) => params[name] ?? 'x');
    const qs = Object.entries(query).map(([k, v]) => `${k}=${v}`);
    return qs.length ? `${filled}?${qs.join('&')}` : filled;
  };
  const body = baseBody === undefined ? undefined : JSON.stringify(baseBody);
  const probes: Probe[] = [];
  for (const name of pathParams) {
    for (const raw of [...unsafeUrlValues, ...malformedUrlValues]) {
      probes.push({
        label: `path ${name}=${raw.slice(0, 20)}`,
        method,
        url: url({ ...baseParams, [name]: raw }, baseQuery),
        ...(body !== undefined ? { payload: body } : {}),
        unsafe: unsafeUrlValues.includes(raw),
      });
    }
  }
  for (const p of [...queryParams, { name: 'unexpected' }]) {
    for (const raw of [...unsafeUrlValues, ...malformedUrlValues]) {
      probes.push({
        label: `query ${p.name}=${raw.slice(0, 20)}`,
        method,
        url: url(baseParams, { ...baseQuery, [p.name]: raw }),
        ...(body !== undefined ? { payload: body } : {}),
        unsafe: unsafeUrlValues.includes(raw),
      });
    }
  }
  if (baseBody !== undefined) {
    for (const leaf of leaves(baseBody)) {
      for (const value of [...unsafeValues, ...malformedBodyValues]) {
        probes.push({
          label: `body ${leaf.join('.')}=${JSON.stringify(value)?.slice(0, 20)}`,
          method,
          url: url(baseParams, baseQuery),
          payload: JSON.stringify(replaced(baseBody, leaf, value)),
          unsafe: typeof value === 'string' && unsafeValues.includes(value),
        });
      }
    }
    // A key of the body itself, as JSON escapes only can carry it.
    probes.push({
      label: 'body key with a lone surrogate',
      method,
      url: url(baseParams, baseQuery),
      payload: `{"\\ud800": 1, ${body!.slice(1)}`.replace(', }', '}'),
      unsafe: true,
    });
  }
  return probes;
}

function credentials(op: Operation): Record<string, string> {
  const schemes = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
  if (schemes.has('kiosk')) return { authorization: `Kiosk ${kioskSecret}` };
  if (schemes.has('apiKey')) return { 'x-api-key': TEST_API_KEY };
  if (schemes.has('bearer')) return bearer(session);
  return {};
}

describe('a signed-in sweep of every OpenAPI operation', () => {
  it('gets no 5xx from malformed, NUL or lone-surrogate input, and refuses unsafe text with 400', async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(57);
    const failures: string[] = [];
    let sent = 0;
    for (const { path, method, op } of operations) {
      // The event stream of a signed-in device never ends: only probes it must refuse are sent.
      const probes = probesOf(path, method, op).filter((p) => path !== '/api/sync/events' || p.unsafe);
      for (const probe of probes) {
        const send = () =>
          t.app.inject({
            method: probe.method as 'GET',
            url: probe.url,
            headers: {
              ...credentials(op),
              ...(probe.payload !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
          });
        let response = await withinSeconds(send(), 20, where0(method, path, probe));
        // A probe that happened to sign the session out (a valid sign-out body): sign in again.
        if (response.statusCode === 401 && op.security?.some((s) => 'bearer' in s)) {
          session = await signInManager();
          response = await withinSeconds(send(), 20, where0(method, path, probe));
        }
        sent++;
        const where = `${method} ${path} [${probe.label}] → ${response.statusCode}`;
        const parsed = safeJson(response.body);
        if (response.statusCode >= 500) failures.push(`${where} ${response.body.slice(0, 160)}`);
        else if (
          response.statusCode >= 400 &&
          (typeof parsed?.code !== 'string' || typeof parsed?.message !== 'string')
        ) {
          failures.push(`${where}: no error body`);
        } else if (probe.unsafe) {
          const refusedAlone =
            path === '/api/sync/push' &&
            response.statusCode === 200 &&
            (parsed?.results as { status: string }[] | undefined)?.[0]?.status === 'rejected';
          const screened = response.statusCode === 400 && parsed?.code === 'request.unsafeText';
          // The push route screens each command itself (one bad command is refused alone); its
          // envelope's ids are uuids, refused by validation.
          const envelope = path === '/api/sync/push' && response.statusCode === 400;
          if (!screened && !refusedAlone && !envelope && response.statusCode !== 429) {
            failures.push(`${where}: unsafe text not refused (${String(parsed?.code)})`);
          }
        }
      }
    }
    console.info(`openapi sweep: ${sent} requests over ${operations.length} operations`);
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});

const where0 = (method: string, path: string, probe: Probe) => `${method} ${path} [${probe.label}]`;

/** A probe that never answers fails the sweep instead of hanging it. */
async function withinSeconds<T>(work: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${seconds} s: ${what}`)), seconds * 1000);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
