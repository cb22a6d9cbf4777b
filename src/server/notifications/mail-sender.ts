import nodemailer from 'nodemailer';
import type { RenderedEmail } from './render-notification';

export interface MailSender {
  send(to: string, email: RenderedEmail, headers?: Record<string, string>): Promise<void>;
  close(): void;
}

/**
 * E-mail over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587; smtps:// for implicit TLS). A small
 * pool of kept-alive connections, and timeouts well inside the notifier's claim lease, so a hung
 * server fails the attempt (and it is retried) rather than holding the message.
 */
export function createSmtpSender(url: string, from: string): MailSender {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 45_000,
  });
  return {
    async send(to, email, headers = {}) {
      await transport.sendMail({
        from,
        to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
          cid: a.cid,
          contentDisposition: 'inline' as const,
        })),
        headers,
      });
    },
    close: () => transport.close(),
  };
}

/**
 * Whether an SMTP error means this message can never go (its recipient refused for good), so
 * retrying is pointless. Anything else (no connection, a 4xx, a refused login, a sender the relay
 * does not accept) is retried: those are the server's or the configuration's, not the message's.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const e = error as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (e?.code !== 'EENVELOPE') return false;
  if (e.command === 'API') return true; // nodemailer refused the address itself
  return e.command === 'RCPT TO' && typeof e.responseCode === 'number' && e.responseCode >= 500;
}
