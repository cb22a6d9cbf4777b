import { z } from 'zod';
import { readPrivateKey, readRawPublicKeys } from './passes/pass-key-material';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED: z.enum(['demo', 'none']).default('demo'),
  RESEED: flag.default(false),
  DEMO_ORDERS: flag.default(true),
  DEMO_ORDER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(180),
  INTAKE_API_KEY: z.string().min(8).default('demo-intake-key'),
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
});
export type Env = z.infer<typeof envSchema>;

/** Settings that only make sense together. */
const checkedEnv = envSchema.superRefine((env, ctx) => {
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
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${problems.join('\n')}`);
}
