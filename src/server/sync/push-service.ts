import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { syncErrorCodes } from '../../contract/error-codes';
import type { Mutation, MutationResult, PushBody, PushResponse } from '../../contract/sync';
import { isDomainError } from '../../domain/domain-error';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import type { Principal } from '../auth/tokens';
import type { Db, Tx } from '../db/client';
import { mutationLog, syncClients } from '../db/schema';
import { HttpError } from '../http-error';
import { actorOf } from '../plugins/auth';
import { OrderWork } from '../orders/order-work';
import { commandArgs, commandHandlers, isCommandName } from './command-handlers';

function mutationHash(m: Mutation): string {
  return createHash('sha256')
    .update(JSON.stringify([m.name, m.v, canonical(m.args)]))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

type Logged = typeof mutationLog.$inferSelect;

/** Locks the device's stream; a second push from it while one runs is told to wait. */
async function lockClient(tx: Tx, body: PushBody, principal: Principal) {
  await tx
    .insert(syncClients)
    .values({
      clientId: body.clientId,
      storeId: principal.storeId,
      associateId: principal.associateId,
      deviceId: principal.deviceId,
    })
    .onConflictDoNothing();
  try {
    const [client] = await tx
      .select()
      .from(syncClients)
      .where(eq(syncClients.clientId, body.clientId))
      .for('update', { noWait: true });
    if (!client) throw new Error('sync client row vanished');
    return client;
  } catch (error) {
    if (errorCode(error) === '55P03') {
      throw new HttpError(409, syncErrorCodes.inProgress, 'A push from this device is still being processed');
    }
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Checks the batch against the log before anything runs, so a bad batch changes nothing. */
function planBatch(mutations: Mutation[], logged: Map<string, Logged>, clientId: string, lastSeq: number) {
  let expected = lastSeq + 1;
  for (const m of mutations) {
    const previous = logged.get(m.id);
    if (previous) {
      if (
        previous.clientId !== clientId ||
        previous.seq !== m.seq ||
        previous.requestHash !== mutationHash(m)
      ) {
        throw new HttpError(
          422,
          syncErrorCodes.mutationMismatch,
          `Mutation ${m.id} was already received with other content`,
          {
            id: m.id,
            seq: m.seq,
          },
        );
      }
      continue;
    }
    if (m.seq <= lastSeq) {
      throw new HttpError(
        422,
        syncErrorCodes.mutationMismatch,
        `Sequence ${m.seq} was already used by another mutation`,
        {
          id: m.id,
          seq: m.seq,
        },
      );
    }
    if (m.seq !== expected) {
      throw new HttpError(409, syncErrorCodes.outOfOrder, `Expected sequence ${expected}, got ${m.seq}`, {
        expectedSeq: expected,
        lastProcessedSeq: lastSeq,
      });
    }
    expected++;
  }
}

async function runOne(
  work: OrderWork,
  principal: Principal,
  m: Mutation,
  verifyPass: PassSignatureVerifier | undefined,
): Promise<Pick<MutationResult, 'status' | 'result' | 'error'>> {
  if (!isCommandName(m.name) || commandHandlers[m.name].v !== m.v) {
    return {
      status: 'rejected',
      error: {
        code: syncErrorCodes.unknownCommand,
        message: `This server does not know ${m.name} v${m.v}; update the app`,
        details: { name: m.name, v: m.v },
      },
    };
  }
  const parsed = commandArgs[m.name].safeParse(m.args);
  if (!parsed.success) {
    return {
      status: 'rejected',
      error: {
        code: syncErrorCodes.invalidArgs,
        message: `Invalid arguments for ${m.name}`,
        details: {
          fields: parsed.error.issues.map((i) => ({ path: `args.${i.path.join('.')}`, message: i.message })),
        },
      },
    };
  }
  const handler = commandHandlers[m.name].run as (
    ctx: Parameters<(typeof commandHandlers)['order.claim']['run']>[0],
    args: unknown,
  ) => Promise<unknown>;
  try {
    // A rejected command leaves no trace but its log row: the unit of work forgets its changes.
    const result = await work.attempt(() =>
      handler(
        {
          work,
          actor: { ...actorOf(principal), id: principal.associateId, storeId: principal.storeId },
          ...(verifyPass ? { verifyPass } : {}),
        },
        parsed.data,
      ),
    );
    return { status: 'applied', result: result ?? null };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      status: 'rejected',
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
    };
  }
}

function orderIdOf(args: unknown): string[] {
  const orderId = (args as { orderId?: unknown } | null)?.orderId;
  return typeof orderId === 'string' ? [orderId] : [];
}

/**
 * Applies a device's queued commands exactly once, in sequence order. The whole batch is one
 * transaction and one unit of work: each command's effect is recorded in memory (and forgotten
 * if it is rejected), then all effects, the log rows and the advanced last_seq are written
 * together; a database failure leaves the batch unapplied to be resent.
 */
export async function pushMutations(
  db: Db,
  principal: Principal,
  body: PushBody,
  verifyPass?: PassSignatureVerifier,
): Promise<PushResponse> {
  const mutations = [...body.mutations].sort((a, b) => a.seq - b.seq);
  return db.transaction(async (tx) => {
    const client = await lockClient(tx, body, principal);
    const previous = await tx
      .select()
      .from(mutationLog)
      .where(
        inArray(
          mutationLog.mutationId,
          mutations.map((m) => m.id),
        ),
      );
    const logged = new Map(previous.map((row) => [row.mutationId, row]));
    planBatch(mutations, logged, body.clientId, client.lastSeq);

    const work = new OrderWork(tx, principal.storeId);
    // Every order the new commands name is locked and loaded in one go, in id order.
    await work.prefetch(mutations.filter((m) => !logged.has(m.id)).flatMap((m) => orderIdOf(m.args)));
    let lastSeq = client.lastSeq;
    const results: MutationResult[] = [];
    // The log rows are written together after the batch, in the same transaction as the effects.
    const entries: (typeof mutationLog.$inferInsert)[] = [];
    for (const m of mutations) {
      const earlier = logged.get(m.id);
      if (earlier) {
        const stored = (earlier.result ?? {}) as { result?: unknown; error?: MutationResult['error'] };
        results.push({
          id: m.id,
          seq: m.seq,
          status: 'duplicate',
          originalStatus: earlier.status,
          ...stored,
        });
        continue;
      }
      const outcome = await runOne(work, principal, m, verifyPass);
      entries.push({
        mutationId: m.id,
        clientId: body.clientId,
        seq: m.seq,
        name: m.name,
        requestHash: mutationHash(m),
        status: outcome.status === 'rejected' ? 'rejected' : 'applied',
        result: outcome.status === 'rejected' ? { error: outcome.error } : { result: outcome.result },
        associateId: principal.associateId,
        storeId: principal.storeId,
      });
      lastSeq = m.seq;
      results.push({ id: m.id, seq: m.seq, ...outcome });
    }
    await work.flush();
    if (entries.length > 0) await tx.insert(mutationLog).values(entries);
    await tx
      .update(syncClients)
      .set({
        lastSeq,
        storeId: principal.storeId,
        associateId: principal.associateId,
        deviceId: principal.deviceId,
        updatedAt: sql`now()`,
      })
      .where(eq(syncClients.clientId, body.clientId));
    return { lastProcessedSeq: lastSeq, results };
  });
}

/** The log answers resends for as long as a device may stay offline. */
export async function pruneMutationLog(db: Db, keepDays = 30): Promise<void> {
  await db
    .delete(mutationLog)
    .where(sql`${mutationLog.createdAt} < now() - make_interval(days => ${keepDays})`);
}
