import type { Session } from '../../contract/auth';
import { authorization } from './sync-scenario';

export interface ServerEvent {
  event: string;
  data: string;
  /** performance.now() when it arrived, for latency figures. */
  at: number;
}

export interface EventStream {
  events: ServerEvent[];
  /** The next event of that name after index `since` of events, or undefined on timeout. */
  next(name: string, since: number, timeoutMs: number): Promise<ServerEvent | undefined>;
  close(): void;
}

/** Opens GET /api/sync/events as a device does (fetch with its token) and reads it until closed. */
export async function openEventStream(baseUrl: string, session: Session): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/sync/events`, {
    headers: authorization(session),
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`GET /api/sync/events answered ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream')) throw new Error(`GET /api/sync/events sent ${type}`);
  const events: ServerEvent[] = [];
  const listeners = new Set<() => void>();
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const fields = new Map(
            buffer
              .slice(0, end)
              .split('\n')
              .filter((line) => line && !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
          );
          buffer = buffer.slice(end + 2);
          const event = fields.get('event');
          if (event) events.push({ event, data: fields.get('data') ?? '', at: performance.now() });
          for (const listener of [...listeners]) listener();
        }
      }
    } catch {
      // aborted on close
    }
  })();
  return {
    events,
    next(name, since, timeoutMs) {
      const find = () => events.slice(since).find((e) => e.event === name);
      return new Promise((resolve) => {
        const check = () => {
          const hit = find();
          if (hit) done(hit);
        };
        const timer = setTimeout(() => done(undefined), timeoutMs);
        const done = (value: ServerEvent | undefined) => {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(value);
        };
        listeners.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
