import type { DecodeWorkerRequest, DecodeWorkerResponse } from '../decode-protocol';
import type { WorkerLike } from '../decode-worker-client';

type Listener = (event: Event) => void;

/** A Worker stand-in for the client's tests: records what is posted, and replies on demand. */
export function fakeWorker(onPost?: (message: DecodeWorkerRequest) => void) {
  const listeners = new Map<string, Listener[]>();
  const posted: { message: DecodeWorkerRequest; transfer: Transferable[] }[] = [];
  let terminated = false;
  const worker: WorkerLike = {
    postMessage(message: DecodeWorkerRequest, transfer: Transferable[]) {
      posted.push({ message, transfer });
      onPost?.(message);
    },
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    terminate() {
      terminated = true;
    },
  };
  const emit = (event: Event) => {
    for (const listener of listeners.get(event.type) ?? []) listener(event);
  };
  return {
    worker,
    posted,
    get terminated() {
      return terminated;
    },
    reply: (message: DecodeWorkerResponse) =>
      emit(new MessageEvent('message', { data: structuredClone(message) })),
    crash: () => emit(new Event('error')),
  };
}
