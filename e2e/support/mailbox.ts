import { expect } from './fixtures';

/** A message the e2e SMTP server received (e2e/support/start-server.mjs). */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  attachments: { cid: string | null; contentType: string; base64: string }[];
}

const mailboxUrl = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? Number(process.env.E2E_PORT ?? 5187) + 1)}/messages`;

export async function receivedMail(): Promise<ReceivedMail[]> {
  const response = await fetch(mailboxUrl);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for the message whose subject names the order (the notifier sends within seconds). */
export async function waitForMail(orderNumber: string, subject?: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await receivedMail()).find(
          (mail) => mail.subject.includes(orderNumber) && (!subject || subject.test(mail.subject)),
        );
        return found !== undefined;
      },
      { timeout: 30_000, message: `an e-mail about order ${orderNumber}` },
    )
    .toBe(true);
  return found!;
}

/** The curbside page's link in a ready-for-pickup e-mail. */
export function curbsideLink(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>]+\/curbside\/[A-Za-z0-9_-]+/.exec(mail.text);
  expect(match, 'a curbside link in the e-mail').not.toBeNull();
  return match![0];
}
