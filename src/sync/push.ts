import { syncErrorCodes } from '../contract/error-codes';
import type { PushBody, PushResponse } from '../contract/sync';
import {
  applyResults,
  markRetrying,
  recoverInflight,
  releaseBatch,
  renumberFrom,
  takeBatch,
} from '../local-db/outbox-sync';
import type { OutboxRecord } from '../local-db/outbox-record';
import { apiRequest, isApiError } from './api-client';
import { setReachable } from './connectivity';
import { withLockIfAvailable } from './web-lock';

export interface PushOutcome {
  /** Commands the server answered for (applied, duplicate or rejected). */
  answered: number;
  /** Set when the oldest command is backing off: push again then. */
  waitUntil?: number;
  /** Why pushing stopped early. */
  stopped?: 'auth' | 'transient';
}

/** A resend with a renumbered batch is tried this often before waiting for the next trigger. */
const MAX_RENUMBERS = 3;

function body(clientId: string, batch: readonly OutboxRecord[]): PushBody {
  return {
    clientId,
    mutations: batch.map(({ id, seq, name, v, args }) => ({ id, seq: seq ?? 0, name, v, args })),
  };
}

type SendResult = { answered: number } | { stopped: 'auth' | 'transient' };

async function sendBatch(clientId: string, first: OutboxRecord[]): Promise<SendResult> {
  let batch = first;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await apiRequest<PushResponse>('POST', '/api/sync/push', {
        body: body(clientId, batch),
      });
      setReachable(true);
      await applyResults(batch, response.results);
      return { answered: response.results.length };
    } catch (error) {
      if (!isApiError(error)) {
        await markRetrying(batch, { code: 'sync.unexpected', message: String(error) });
        return { stopped: 'transient' };
      }
      if (error.status === 0) setReachable(false);
      else setReachable(true);
      if (error.status === 401) {
        // The session needs the PIN again (the api client already tried a refresh): the queue
        // stays exactly as it was and syncs once the associate signs in.
        await releaseBatch(batch);
        return { stopped: 'auth' };
      }
      const expectedSeq = error.details?.expectedSeq;
      if (
        error.code === syncErrorCodes.outOfOrder &&
        typeof expectedSeq === 'number' &&
        attempt < MAX_RENUMBERS
      ) {
        batch = await renumberFrom(expectedSeq, batch);
        continue;
      }
      // Network, 5xx, 429 and 409 inProgress heal by themselves. Anything else (a 4xx nobody
      // expects) also keeps the work and backs off: losing an action is worse than waiting.
      await markRetrying(batch, { code: error.code, message: error.message, details: error.details });
      return { stopped: 'transient' };
    }
  }
}

/**
 * Sends the signed-in associate's queued commands, oldest first, until none is left or one
 * fails. Only one tab pushes (Web Lock "outbox-push"); under the lock no other push is running,
 * so any "inflight" command belongs to a push that died and goes back to retrying first.
 */
export async function pushOutbox(associateId: string, respectBackoff: boolean): Promise<PushOutcome | null> {
  return withLockIfAvailable('outbox-push', async () => {
    await recoverInflight();
    let answered = 0;
    let backoff = respectBackoff;
    for (;;) {
      const plan = await takeBatch(associateId, Date.now(), backoff);
      if (!plan) return { answered };
      if ('waitUntil' in plan) return { answered, waitUntil: plan.waitUntil };
      const sent = await sendBatch(plan.clientId, plan.batch);
      if ('stopped' in sent) return { answered, stopped: sent.stopped };
      answered += sent.answered;
      backoff = false;
    }
  });
}
