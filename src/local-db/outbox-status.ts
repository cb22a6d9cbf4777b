// Whether the outbox has no unsynced work; the update prompt waits for it.
type Listener = (idle: boolean) => void;

let idle = true;
const listeners = new Set<Listener>();

export function outboxIdle(): boolean {
  return idle;
}

export function setOutboxIdle(value: boolean): void {
  if (value === idle) return;
  idle = value;
  for (const l of listeners) l(value);
}

export function subscribeOutboxIdle(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
