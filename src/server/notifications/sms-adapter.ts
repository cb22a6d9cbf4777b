export interface SmsMessage {
  /** E.164, e.g. +393331234567. */
  to: string;
  text: string;
}

/**
 * The one interface an SMS provider plugs in behind. `send` resolves once the provider accepted
 * the message and throws otherwise (the notifier retries with back-off); an error with
 * `permanent: true` (a number the provider will never reach) fails the message at once.
 */
export interface SmsAdapter {
  readonly id: string;
  send(message: SmsMessage): Promise<void>;
}

/**
 * The built-in adapter: sends nothing, writes each message to the server log and keeps the
 * last ones in memory (for tests and the demo). A real provider replaces it in production.
 */
export class LogSmsAdapter implements SmsAdapter {
  readonly id = 'log';
  readonly sent: (SmsMessage & { at: string })[] = [];

  constructor(
    private readonly log: (message: SmsMessage) => void = () => undefined,
    private readonly keep = 100,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    this.sent.push({ ...message, at: new Date().toISOString() });
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
    this.log(message);
  }
}

export type SmsAdapterId = 'log';

/** The adapter SMS_ADAPTER names. A new provider adds its id to env.ts and its builder here. */
export function createSmsAdapter(id: SmsAdapterId, log: (message: SmsMessage) => void): SmsAdapter {
  switch (id) {
    case 'log':
      return new LogSmsAdapter(log);
  }
}
