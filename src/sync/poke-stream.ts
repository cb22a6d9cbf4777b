import { authorizedFetch, isApiError } from './api-client';

const MAX_RECONNECT_MS = 30_000;

/** The `event:` names in a chunk of server-sent events; data lines are not needed for a poke. */
export function parseEventNames(buffer: string): { names: string[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const names = blocks.flatMap((block) =>
    block
      .split('\n')
      .filter((line) => line.startsWith('event:'))
      .map((line) => line.slice('event:'.length).trim()),
  );
  return { names, rest };
}

export interface PokeStream {
  /** Reconnect at once (the network came back), instead of after the back-off. */
  reconnectNow: () => void;
  stop: () => void;
}

/**
 * Listens to GET /api/sync/events and calls `onPoke` for each "poke" (the store's data
 * changed). EventSource cannot send the Authorization header, so this reads the stream with
 * fetch. It reconnects with back-off, and `onConnect` runs on each (re)connection: pokes may
 * have been missed while it was down.
 */
export function openPokeStream(onPoke: () => void, onConnect: () => void): PokeStream {
  let stopped = false;
  let controller: AbortController | undefined;
  let wake: (() => void) | undefined;
  let failures = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function readOnce(): Promise<void> {
    controller = new AbortController();
    const response = await authorizedFetch('GET', '/api/sync/events', { signal: controller.signal });
    const reader = response.body?.getReader();
    if (!reader) return;
    failures = 0;
    onConnect();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const parsed = parseEventNames(buffer);
      buffer = parsed.rest;
      if (parsed.names.includes('poke')) onPoke();
    }
  }

  void (async () => {
    while (!stopped) {
      try {
        await readOnce();
      } catch (error) {
        if (stopped) return;
        // A refused session waits for the PIN; the engine restarts the stream after sign-in.
        if (isApiError(error) && error.status === 401) return;
      }
      if (stopped) return;
      failures += 1;
      await sleep(Math.random() * Math.min(MAX_RECONNECT_MS, 1_000 * 2 ** failures));
    }
  })();

  return {
    reconnectNow: () => {
      failures = 0;
      wake?.();
    },
    stop: () => {
      stopped = true;
      controller?.abort();
      wake?.();
    },
  };
}
