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
});
export type Env = z.infer<typeof envSchema>;

/** Parses the environment, or fails listing every setting that is wrong. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${problems.join('\n')}`);
}
