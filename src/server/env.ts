import { isIP } from 'node:net';
import { z } from 'zod';
import { readPrivateKey, readRawPublicKeys } from './core/pass-key-material';

/** An optional setting that must read as a key; an empty value counts as unset. */
const keySetting = (read: (value: string) => unknown) =>
  z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value : undefined))
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      try {
        read(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'is not a key' });
      }
    });

/** An optional URL setting; an empty value counts as unset. */
const urlSetting = (protocols: readonly string[], example: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        url = undefined;
      }
      if (!url || !protocols.includes(url.protocol) || !url.hostname) {
        ctx.addIssue({ code: 'custom', message: `must be a URL like ${example}` });
      }
    });

/**
 * Which proxies in front may say who the client is and whether it came over HTTPS
 * (X-Forwarded-For, X-Forwarded-Proto): `false` (none, the default), `true` (any: only when
 * nothing else can reach the server), a number of hops, or addresses and CIDR ranges.
 */
export const trustProxySetting = z
  .string()
  .optional()
  .transform((value, ctx): boolean | number | string[] => {
    const text = value?.trim().toLowerCase() ?? '';
    if (text === '' || ['false', 'off', 'no', '0'].includes(text)) return false;
    if (['true', 'on', 'yes'].includes(text)) return true;
    if (/^\d{1,2}$/.test(text)) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => {
      const [address = '', bits, extra] = entry.split('/');
      const version = isIP(address);
      if (!version || extra !== undefined) return true;
      if (bits === undefined) return false;
      return !/^\d{1,3}$/.test(bits) || Number(bits) > (version === 4 ? 32 : 128);
    });
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `must be true, false, a number of hops, or addresses/CIDR ranges like 10.0.0.0/8 (not ${bad.join(', ')})`,
      });
    }
    return entries;
  });

/**
 * Where product pictures may come from besides this server, for the Content-Security-Policy's
 * img-src (ADR 0055): `'self'` (the default: only pictures this server serves), or https origins
 * separated by commas, like https://images.example.com. An origin has no path: CSP allows hosts.
 */
export const productImageOriginsSetting = z
  .string()
  .optional()
  .transform((value, ctx): string[] => {
    const entries = (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      // 'self' is always allowed; a .env file may have dropped its quotes.
      .filter((entry) => !['', "'self'", 'self'].includes(entry));
    const origins: string[] = [];
    for (const entry of entries) {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (
        !url ||
        url.protocol !== 'https:' ||
        !url.hostname ||
        url.origin !== entry.replace(/\/$/, '').toLowerCase()
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `must be 'self' or https origins like https://images.example.com, separated by commas (not ${entry})`,
        });
      } else {
        origins.push(url.origin);
      }
    }
    return origins;
  });

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['on', 'true', '1', 'yes'].includes(value));

/** Every setting the server reads, checked once at start-up. `.env.example` documents each. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Straight to PostgreSQL for LISTEN and migrations when DATABASE_URL is a PgBouncer (ADR 0044).
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Named prepared statements on the hot paths (ADR 0048). Unset: on, except beside a
  // DATABASE_LISTEN_URL, where DATABASE_URL is taken for a transaction-mode pooler, which keeps
  // named statements only from PgBouncer 1.21 with max_prepared_statements set.
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).optional(),
  // Pool connections per process: a server holds WORKERS × (this + 1 listener) (docs/deploying-a-chain.md).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Processes serving the one port (node:cluster); 1 runs no cluster.
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // Unset: no /metrics. Set: Prometheus scrapes it with Authorization: Bearer <token>.
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .refine((value) => value === undefined || value.length >= 16, 'must be at least 16 characters'),
  TRUST_PROXY: trustProxySetting,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: the demo in development and tests, nothing in production (the demo only by name).
  SEED: z.enum(['demo', 'none']).optional(),
  RESEED: flag.default(false),
  DEMO_ORDERS: flag.default(true),
  DEMO_ORDER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(180),
  // Unset: the demo's key, which production refuses (see productionProblems).
  INTAKE_API_KEY: z.string().min(8).optional(),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  PASS_SIGNING_KEY: keySetting(readPrivateKey),
  PASS_RETIRED_PUBLIC_KEYS: keySetting(readRawPublicKeys),
  // A new carrier adapter adds its id here and its builder in src/server/shipping/carrier-registry.ts.
  SHIPPING_CARRIER: z.enum(['aisle-fleet']).default('aisle-fleet'),
  // Where refunds are paid: a new adapter adds its id here and in src/server/returns/payments/.
  PAYMENT_ADAPTER: z.enum(['ledger']).default('ledger'),
  // Customer e-mail (src/server/notifications): off, with messages kept queued, until SMTP_URL is set.
  SMTP_URL: urlSetting(['smtp:', 'smtps:'], 'smtp://user:password@mail.example.com:587'),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'must be an address, e.g. Aisle <orders@example.com>',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // The address customers open the app at, for links in e-mails (the curbside page): none without it.
  PUBLIC_URL: urlSetting(['http:', 'https:'], 'https://aisle.example.com'),
  // A new SMS adapter adds its id here and its builder in src/server/notifications/sms-adapter.ts.
  SMS_ADAPTER: z.enum(['log']).default('log'),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  // Status webhooks to the e-commerce platform (docs/webhooks.md): off until WEBHOOK_URL is set.
  WEBHOOK_URL: urlSetting(['http:', 'https:'], 'https://shop.example.com/hooks/aisle'),
  WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value : undefined))
    .refine((value) => value === undefined || value.length >= 32, 'must be at least 32 characters'),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  // How often substitutes past the customer's answer deadline are declined: how late a silence
  // may be noticed. A minute suits answers given in minutes; the e2e server checks more often.
  SUBSTITUTION_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Image hosts the customer's pages may load product pictures from, besides this server (ADR 0055).
  PRODUCT_IMAGE_ORIGINS: productImageOriginsSetting,
});
type ParsedEnv = z.infer<typeof envSchema>;
export type Env = Omit<ParsedEnv, 'SEED' | 'INTAKE_API_KEY'> & {
  SEED: 'demo' | 'none';
  INTAKE_API_KEY: string;
  /** Production, not the demo: the secrets are the operator's and the demo's are refused. */
  isProduction: boolean;
};

/** The demo's intake key, published in the README: only ever accepted by a demo. */
export const DEMO_INTAKE_API_KEY = 'demo-intake-key';

/**
 * What production (NODE_ENV=production without SEED=demo) may not run on: every missing or
 * demo-valued setting, listed together. A demo asked for by name (SEED=demo, --seed-demo) is a
 * demo, not production.
 */
function productionProblems(env: ParsedEnv): { path: string; message: string }[] {
  if (env.NODE_ENV !== 'production' || env.SEED === 'demo') return [];
  const problems: { path: string; message: string }[] = [];
  if (env.INTAKE_API_KEY === undefined) {
    problems.push({
      path: 'INTAKE_API_KEY',
      message: 'is required in production (the key the e-commerce platform sends), 24+ characters',
    });
  } else if (env.INTAKE_API_KEY === DEMO_INTAKE_API_KEY) {
    problems.push({ path: 'INTAKE_API_KEY', message: "is the demo's published key: set your own" });
  } else if (env.INTAKE_API_KEY.length < 24) {
    problems.push({ path: 'INTAKE_API_KEY', message: 'must be at least 24 characters in production' });
  }
  return problems;
}

/** Settings that only make sense together. */
const checkedEnv = envSchema.superRefine((env, ctx) => {
  for (const problem of productionProblems(env)) {
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  }
  if (env.DATABASE_LISTEN_URL && !env.DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_LISTEN_URL'],
      message: 'needs DATABASE_URL (PGlite listens in process)',
    });
  }
  if (env.WORKERS > 1 && !env.DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['WORKERS'],
      message: 'above 1 needs DATABASE_URL: PGlite is one process',
    });
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set' });
  }
  if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_SECRET'],
      message: 'is required when WEBHOOK_URL is set',
    });
  }
});

/** Parses the environment, or fails listing every setting that is wrong. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = checkedEnv.safeParse(source);
  if (result.success) {
    const env = result.data;
    const isProduction = env.NODE_ENV === 'production' && env.SEED !== 'demo';
    return {
      ...env,
      SEED: env.SEED ?? (isProduction ? 'none' : 'demo'),
      INTAKE_API_KEY: env.INTAKE_API_KEY ?? DEMO_INTAKE_API_KEY,
      isProduction,
    };
  }
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${problems.join('\n')}`);
}
