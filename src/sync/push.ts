import { syncErrorCodes } from '../contract/error-codes';
import type { PushBody, PushResponse } from '../contract/sync';
import { getMeta } from '../local-db/meta';
import {
  applyResults,
  markRetrying,
  MAX_PUSH_BATCH,
  parkRefused,
  recoverInflight,
  releaseBatch,
  renumberFrom,
  startNewStream,
  takeBatch,
} from '../local-db/outbox-sync';
import type { OutboxRecord } from '../local-db/outbox-record';
import { apiRequest, isApiError, type ApiError } from './api-client';
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
/** A command that alone keeps failing on a server that answers everything else is parked. */
const PARK_AFTER_ATTEMPTS = 8;

function body(clientId: string, batch: readonly OutboxRecord[]): PushBody {
  return {
    clientId,
    mutations: batch.map(({ id, seq, name, v, args }) => ({ id, seq: seq ?? 0, name, v, args })),
  };
}

/**
 * What an answer other than 200 means for the batch. The server refuses a bad command alone
 * with a result of its own; a whole-batch answer is either the network or the server healing
 * (wait and resend), the stream's numbering (renumber), the session (sign in), or something in
 * the batch the server cannot take at all: then the device narrows the batch until the one
 * command at fault stands alone, and parks it. An unchanged batch is never resent for ever.
 */
type Verdict = 'auth' | 'renumber' | 'newStream' | 'wait' | 'suspect' | 'refused';

function verdictOf(error: ApiError): Verdict {
  if (error.status === 401) return 'auth';
  if (error.code === syncErrorCodes.outOfOrder) return 'renumber';
  if (error.code === syncErrorCodes.foreignClient) return 'newStream';
  // The network, a busy or restarting server, a proxy between: nothing in the batch is at fault.
  if ([0, 408, 425, 429, 502, 503, 504].includes(error.status)) return 'wait';
  if (error.code === syncErrorCodes.inProgress) return 'wait';
  if (error.status >= 500) return 'suspect';
  return 'refused';
}

type SendResult =
  | { answered: number }
  | { stopped: 'auth' | 'transient' }
  /** Send the first `limit` commands alone next: the batch holds one the server cannot take. */
  | { narrow: number };

async function sendBatch(clientId: string, first: OutboxRecord[]): Promise<SendResult> {
  let batch = first;
  let stream = clientId;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await apiRequest<PushResponse>('POST', '/api/sync/push', {
        body: body(stream, batch),
      });
      setReachable(true);
      await applyResults(batch, response.results);
      return { answered: response.results.length };
    } catch (error) {
      if (!isApiError(error)) {
        await markRetrying(batch, { code: 'sync.unexpected', message: String(error) });
        return { stopped: 'transient' };
      }
      setReachable(error.status !== 0);
      const reason = {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
      const verdict = verdictOf(error);
      const expectedSeq = error.details?.expectedSeq;
      if (verdict === 'auth') {
        // The session needs the PIN again (the api client already tried a refresh): the queue
        // stays exactly as it was and syncs once the associate signs in.
        await releaseBatch(batch);
        return { stopped: 'auth' };
      }
      if (verdict === 'renumber' && typeof expectedSeq === 'number' && attempt < MAX_RENUMBERS) {
        batch = await renumberFrom(expectedSeq, batch);
        continue;
      }
      if (verdict === 'newStream' && attempt === 0) {
        stream = await startNewStream();
        const plan = await takeBatch(batch[0]!.associateId, Date.now(), false, batch.length);
        if (!plan || 'waitUntil' in plan) return { answered: 0 };
        batch = plan.batch;
        continue;
      }
      if (verdict === 'refused' || verdict === 'suspect') {
        if (batch.length > 1) {
          await releaseBatch(batch);
          return { narrow: Math.ceil(batch.length / 2) };
        }
        const [only] = batch as [OutboxRecord];
        if (verdict === 'refused' || (await healthyServerFails(only))) {
          await parkRefused(only, reason);
          return { answered: 1 };
        }
      }
      await markRetrying(batch, reason, verdict !== 'wait');
      return { stopped: 'transient' };
    }
  }
}

/**
 * A command alone that the server keeps failing while it answers this device's pulls: the fault
 * is in the command, not the server. A server that is down answers nothing, and nothing is parked.
 */
async function healthyServerFails(record: OutboxRecord): Promise<boolean> {
  if (record.attempts + 1 < PARK_AFTER_ATTEMPTS || record.failingSince === undefined) return false;
  const lastSyncAt = (await getMeta('lastSyncAt')) ?? 0;
  return lastSyncAt > record.failingSince;
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
    let limit = MAX_PUSH_BATCH;
    for (;;) {
      const plan = await takeBatch(associateId, Date.now(), backoff, limit);
      if (!plan) return { answered };
      if ('waitUntil' in plan) return { answered, waitUntil: plan.waitUntil };
      const sent = await sendBatch(plan.clientId, plan.batch);
      if ('stopped' in sent) return { answered, stopped: sent.stopped };
      if ('narrow' in sent) {
        limit = sent.narrow;
        continue;
      }
      answered += sent.answered;
      // Past the command at fault, batches grow back.
      limit = Math.min(MAX_PUSH_BATCH, limit * 2);
      backoff = false;
    }
  });
}
