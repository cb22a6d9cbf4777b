import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const secret = 'a-webhook-secret-of-at-least-32-chars';

describe('parseEnv: notifications and webhooks', () => {
  it('leaves e-mail and webhooks off when unset or empty', () => {
    const env = parseEnv({ SMTP_URL: '', WEBHOOK_URL: '' });
    expect(env).toMatchObject({ SMS_ADAPTER: 'log', NOTIFY_MAX_ATTEMPTS: 8, WEBHOOK_MAX_ATTEMPTS: 12 });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.WEBHOOK_URL).toBeUndefined();
  });

  it('takes a well-formed SMTP URL with its sender', () => {
    const env = parseEnv({
      SMTP_URL: 'smtp://user:pa%40ss@mail.example.com:587',
      MAIL_FROM: 'Aisle <orders@example.com>',
    });
    expect(env.SMTP_URL).toBe('smtp://user:pa%40ss@mail.example.com:587');
    expect(
      parseEnv({ SMTP_URL: 'smtps://mail.example.com', MAIL_FROM: 'orders@example.com' }).MAIL_FROM,
    ).toBe('orders@example.com');
  });

  it.each([
    ['mail.example.com:587'],
    ['http://mail.example.com'],
    ['smtp://'],
    ['smtp//user:hunter2secret@host'],
    ['smtp://user:hunter2secret@'],
  ])('refuses a malformed SMTP_URL (%s) with a clear message that does not echo it', (value) => {
    const attempt = () => parseEnv({ SMTP_URL: value, MAIL_FROM: 'orders@example.com' });
    expect(attempt).toThrow(/Invalid environment:\n {2}SMTP_URL: must be a URL like smtp:\/\/user:password@/);
    expect(attempt).not.toThrow('hunter2secret');
  });

  it('asks for what goes with a setting', () => {
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(
      'MAIL_FROM: is required when SMTP_URL is set',
    );
    expect(() => parseEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks' })).toThrow(
      'WEBHOOK_SECRET: is required when WEBHOOK_URL is set',
    );
    expect(() =>
      parseEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks', WEBHOOK_SECRET: 'short' }),
    ).toThrow('WEBHOOK_SECRET: must be at least 32 characters');
    expect(
      parseEnv({ WEBHOOK_URL: 'https://shop.example.com/hooks', WEBHOOK_SECRET: secret }).WEBHOOK_URL,
    ).toBe('https://shop.example.com/hooks');
    expect(() => parseEnv({ MAIL_FROM: 'not an address' })).toThrow('MAIL_FROM: must be an address');
    expect(() => parseEnv({ SMS_ADAPTER: 'twilio' })).toThrow('SMS_ADAPTER');
  });
});
