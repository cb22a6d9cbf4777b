// Starts the BUILT Aisle server for Playwright's webServer.
// Each run gets a fresh, throwaway data dir and embedded PGlite (never DATABASE_URL).
//
// Customer e-mail goes to a real SMTP server run here, in this process (smtp-server), on a free
// port. Tests read what it received over HTTP, on E2E_MAIL_PORT (default: the app's port + 1):
//   GET    /messages  -> [{ to, subject, text, html, attachments: [{ cid, contentType, base64 }] }]
//   DELETE /messages  -> forgets them
// (e2e/support/mailbox.ts wraps it.)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { constants, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverEntry = join(repoRoot, 'dist', 'server', 'main.js');

if (!existsSync(serverEntry)) {
  console.error(`[e2e] ${serverEntry} not found. Run \`npm run build\` first (npm run test:e2e does).`);
  process.exit(1);
}

const port = process.env.E2E_PORT || '5187';
const mailPort = Number(process.env.E2E_MAIL_PORT || Number(port) + 1);

// The test SMTP server: accepts every message, keeps it parsed. Loaded from devDependencies.
const { SMTPServer } = await import('smtp-server');
const { simpleParser } = await import('mailparser');
const received = [];
const smtp = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      simpleParser(Buffer.concat(chunks), { keepCidLinks: true }).then(
        (mail) => {
          received.push({
            to: mail.to
              ? [mail.to]
                  .flat()
                  .map((address) => address.text)
                  .join(', ')
              : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            receivedAt: new Date().toISOString(),
            attachments: mail.attachments.map((attachment) => ({
              cid: attachment.cid ?? null,
              contentType: attachment.contentType,
              base64: attachment.content.toString('base64'),
            })),
          });
          callback();
        },
        (error) => callback(error),
      );
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = smtp.server.address().port;

const mailbox = createServer((request, response) => {
  if (request.url !== '/messages') {
    response.writeHead(404).end();
    return;
  }
  if (request.method === 'DELETE') received.length = 0;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(request.method === 'DELETE' ? [] : received));
});
await new Promise((resolve) => mailbox.listen(mailPort, '127.0.0.1', resolve));
const dataDir = mkdtempSync(join(tmpdir(), 'aisle-e2e-'));

let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  try {
    rmSync(dataDir, { recursive: true, force: true });
  } catch (error) {
    console.error(`[e2e] could not remove ${dataDir}:`, error);
  }
}
process.on('exit', cleanup);

const env = {
  ...process.env,
  PORT: port,
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DEMO_ORDERS: 'off',
  NODE_ENV: 'production',
  // The demo, asked for by name: production without it refuses the demo's PINs and key.
  SEED: 'demo',
  LOG_LEVEL: 'warn',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  MAIL_FROM: 'Aisle <orders@aisle.test>',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  // A substitution's shortest answer time is a minute: its deadline is noticed within seconds.
  SUBSTITUTION_CHECK_SECONDS: '2',
};
// The e2e server always uses embedded PGlite; it must never touch the CI database.
delete env.DATABASE_URL;

const child = spawn(process.execPath, [serverEntry], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
  });
}

child.on('error', (error) => {
  console.error('[e2e] failed to start the server:', error);
  cleanup();
  process.exit(1);
});

child.on('exit', (code, signal) => {
  cleanup();
  smtp.close();
  mailbox.close();
  if (code !== null) process.exit(code);
  // Killed by a signal: exit the conventional 128 + signal number.
  process.exit(128 + (constants.signals[signal] ?? 0));
});
