import pg from 'pg';

type OnPayload = (payload: string) => void;
/**
 * Told false when the connection carrying the LISTEN ends (NOTIFYs may be lost from then on),
 * and true once a new one listens again. What a process caches on the strength of NOTIFYs
 * (store versions, sessions) is dropped on false.
 */
export type OnConnection = (listening: boolean) => void;

export interface Listener {
  listen(channel: string, onPayload: OnPayload, onConnection?: OnConnection): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const RECONNECT_MS = [250, 1_000, 5_000];

/**
 * One connection per process that LISTENs on every channel asked for (pokes, sessions, the
 * outboxes): a pooled connection would be handed back and lose its LISTEN, and through a
 * transaction-mode PgBouncer a LISTEN does not stay with us at all, so `url` goes straight to
 * PostgreSQL (ADR 0044). Opened at the first listen; if the server drops it, it reconnects and
 * listens again (what was NOTIFYed meanwhile is lost: sessions recheck within seconds, devices
 * pull on their own schedule).
 */
export function openListener(url: string): Listener {
  const handlers = new Map<string, Set<OnPayload>>();
  const watchers = new Set<OnConnection>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  async function connect(): Promise<pg.Client> {
    // Named, so an operator tells it from the pool in pg_stat_activity.
    const next = new pg.Client({ connectionString: url, application_name: 'aisle-listener' });
    next.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    next.on('error', () => undefined);
    next.on('end', () => {
      if (client !== next) return;
      client = undefined;
      connecting = undefined;
      for (const watcher of watchers) watcher(false);
      if (!closed && handlers.size > 0) scheduleReconnect();
    });
    await next.connect();
    for (const channel of handlers.keys()) await next.query(`listen ${quoted(channel)}`);
    client = next;
    failures = 0;
    for (const watcher of watchers) watcher(true);
    return next;
  }

  function scheduleReconnect(): void {
    const delay = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)];
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      ensure().catch(() => scheduleReconnect());
    }, delay);
    retry.unref();
  }

  function ensure(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  }

  return {
    async listen(channel, onPayload, onConnection) {
      const known = handlers.get(channel);
      const set = known ?? new Set<OnPayload>();
      set.add(onPayload);
      handlers.set(channel, set);
      const connected = await ensure();
      // A connection opened just now already listens on every channel in `handlers`.
      if (!known) await connected.query(`listen ${quoted(channel)}`);
      if (onConnection) watchers.add(onConnection);
      return async () => {
        if (onConnection) watchers.delete(onConnection);
        set.delete(onPayload);
        if (set.size > 0 || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        await client?.query(`unlisten ${quoted(channel)}`).catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      handlers.clear();
      watchers.clear();
      const open = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      await open?.end();
    },
  };
}
