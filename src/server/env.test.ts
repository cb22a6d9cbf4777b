import { describe, expect, it } from 'vitest';
import { databaseConfigOf } from './db/client';
import { parseEnv } from './env';

const secret = 'a-webhook-secret-of-at-least-32-chars';
/** Outside production: these tests are about each setting, not about production's own rules. */
const devEnv = (source: Record<string, string | undefined>) =>
  parseEnv({ NODE_ENV: 'development', ...source });

describe('parseEnv: notifications and webhooks', () => {
  it('leaves e-mail and webhooks off when unset or empty', () => {
    const env = devEnv({ SMTP_URL: '', WEBHOOK_URL: '' });
    expect(env).toMatchObject({ SMS_ADAPTER: 'log', NOTIFY_MAX_ATTEMPTS: 8, WEBHOOK_MAX_ATTEMPTS: 12 });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.WEBHOOK_URL).toBeUndefined();
  });

  it('takes a well-formed SMTP URL with its sender', () => {
    const env = devEnv({
      SMTP_URL: 'smtp://user:pa%40ss@mail.example.com:587',
      MAIL_FROM: 'Aisle <orders@example.com>',
    });
    expect(env.SMTP_URL).toBe('smtp://user:pa%40ss@mail.example.com:587');
    expect(devEnv({ SMTP_URL: 'smtps://mail.example.com', MAIL_FROM: 'orders@example.com' }).MAIL_FROM).toBe(
      'orders@example.com',
    );
  });

  it.each([
    ['mail.example.com:587'],
    ['http://mail.example.com'],
    ['smtp://'],
    ['smtp//user:hunter2secret@host'],
    ['smtp://user:hunter2secret@'],
  ])('refuses a malformed SMTP_URL (%s) with a clear message that does not echo it', (value) => {
    const attempt = () => devEnv({ SMTP_URL: value, MAIL_FROM: 'orders@example.com' });
    expect(attempt).toThrow(/Invalid environment:\n {2}SMTP_URL: must be a URL like smtp:\/\/user:password@/);
    expect(attempt).not.toThrow('hunter2secret');
  });

  it('asks for what goes with a setting', () => {
    expect(() => devEnv({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(
      'MAIL_FROM: is required when SMTP_URL is set',
    );
    expect(() => devEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks' })).toThrow(
      'WEBHOOK_SECRET: is required when WEBHOOK_URL is set',
    );
    expect(() => devEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks', WEBHOOK_SECRET: 'short' })).toThrow(
      'WEBHOOK_SECRET: must be at least 32 characters',
    );
    expect(
      devEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks', WEBHOOK_SECRET: secret }).WEBHOOK_URL,
    ).toBe('https://shop.example.com/hooks');
    expect(() => devEnv({ MAIL_FROM: 'not an address' })).toThrow('MAIL_FROM: must be an address');
    expect(() => devEnv({ SMS_ADAPTER: 'twilio' })).toThrow('SMS_ADAPTER');
  });
});

describe('parseEnv: production never runs on the demo', () => {
  it('refuses to start with nothing set, listing what is missing', () => {
    expect(() => parseEnv({})).toThrow(/Invalid environment:\n {2}INTAKE_API_KEY: is required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow('INTAKE_API_KEY: is required in production');
  });

  it("refuses the demo's intake key and a short one", () => {
    expect(() => parseEnv({ INTAKE_API_KEY: 'demo-intake-key' })).toThrow("INTAKE_API_KEY: is the demo's");
    expect(() => parseEnv({ INTAKE_API_KEY: 'short-key-123' })).toThrow('at least 24 characters');
  });

  it('lists every problem at once', () => {
    expect(() => parseEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks' })).toThrow(
      /INTAKE_API_KEY: is required in production[\s\S]*WEBHOOK_SECRET: is required when WEBHOOK_URL is set/,
    );
  });

  it('seeds nothing in production unless the demo is asked for by name', () => {
    const production = parseEnv({ INTAKE_API_KEY: 'a-production-intake-key-0123456789' });
    expect(production).toMatchObject({ SEED: 'none', isProduction: true });
    const demo = parseEnv({ NODE_ENV: 'production', SEED: 'demo' });
    expect(demo).toMatchObject({ SEED: 'demo', isProduction: false, INTAKE_API_KEY: 'demo-intake-key' });
    expect(devEnv({})).toMatchObject({ SEED: 'demo', isProduction: false });
  });

  it('reads TRUST_PROXY as off, on, hops or addresses', () => {
    expect(devEnv({}).TRUST_PROXY).toBe(false);
    expect(devEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(devEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(devEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => devEnv({ TRUST_PROXY: 'proxy.local' })).toThrow('TRUST_PROXY: must be true, false');
  });
});

describe('parseEnv: many processes on one database', () => {
  const url = 'postgres://aisle@pgbouncer:6432/aisle';
  it('runs one process with a pool of 10 and no metrics by default', () => {
    expect(devEnv({})).toMatchObject({ WORKERS: 1, DATABASE_POOL_SIZE: 10 });
    expect(devEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(devEnv({ DATABASE_LISTEN_URL: '' }).DATABASE_LISTEN_URL).toBeUndefined();
  });

  it('takes a direct listen URL beside a pooled DATABASE_URL, and refuses it alone', () => {
    const direct = 'postgres://aisle@db:5432/aisle';
    expect(devEnv({ DATABASE_URL: url, DATABASE_LISTEN_URL: direct }).DATABASE_LISTEN_URL).toBe(direct);
    expect(() => devEnv({ DATABASE_LISTEN_URL: direct })).toThrow('DATABASE_LISTEN_URL: needs DATABASE_URL');
    expect(() => devEnv({ DATABASE_URL: url, DATABASE_LISTEN_URL: 'mysql://db' })).toThrow(
      'DATABASE_LISTEN_URL: must be a postgres:// URL',
    );
  });

  it('names prepared statements except beside a listen URL (a pooler), unless told', () => {
    const direct = 'postgres://aisle@db:5432/aisle';
    const prepared = (source: Record<string, string>) => databaseConfigOf(devEnv(source)).preparedStatements;
    expect(prepared({ DATABASE_URL: direct })).toBe(true);
    expect(prepared({ DATABASE_URL: url, DATABASE_LISTEN_URL: direct })).toBe(false);
    expect(
      prepared({ DATABASE_URL: url, DATABASE_LISTEN_URL: direct, DATABASE_PREPARED_STATEMENTS: 'on' }),
    ).toBe(true);
    expect(prepared({ DATABASE_URL: direct, DATABASE_PREPARED_STATEMENTS: 'off' })).toBe(false);
    expect(() => devEnv({ DATABASE_PREPARED_STATEMENTS: 'yes' })).toThrow('DATABASE_PREPARED_STATEMENTS');
  });

  it('forks workers only over PostgreSQL, and wants a real metrics token', () => {
    expect(devEnv({ DATABASE_URL: url, WORKERS: '4' }).WORKERS).toBe(4);
    expect(() => devEnv({ WORKERS: '2' })).toThrow('WORKERS: above 1 needs DATABASE_URL');
    expect(() => devEnv({ WORKERS: '0' })).toThrow('WORKERS');
    expect(() => devEnv({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN: must be at least 16 characters');
  });
});

describe('parseEnv: where product pictures may come from', () => {
  it("is this server alone by default, or as 'self'", () => {
    expect(devEnv({}).PRODUCT_IMAGE_ORIGINS).toEqual([]);
    expect(devEnv({ PRODUCT_IMAGE_ORIGINS: "'self'" }).PRODUCT_IMAGE_ORIGINS).toEqual([]);
  });

  it('takes https origins separated by commas', () => {
    expect(
      devEnv({ PRODUCT_IMAGE_ORIGINS: "'self', https://images.example.com, https://cdn.example.net:8443/" })
        .PRODUCT_IMAGE_ORIGINS,
    ).toEqual(['https://images.example.com', 'https://cdn.example.net:8443']);
  });

  it.each([
    ['http://images.example.com'],
    ['https://images.example.com/products'],
    ['images.example.com'],
    ['*'],
  ])('refuses %s, naming it', (value) => {
    expect(() => devEnv({ PRODUCT_IMAGE_ORIGINS: value })).toThrow(
      /PRODUCT_IMAGE_ORIGINS: must be 'self' or https origins/,
    );
  });
});
