import { createHash } from 'node:crypto';
import { countPickupRefusals, pickupRefusalAudit, type PickupRefusal } from '../core/pickup-attempts';
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { CommandActor } from '../../commands/order-tx';
import { syncErrorCodes } from '../../contract/error-codes';
import type { Mutation, MutationResult, PushBody, PushResponse } from '../../contract/sync';
import { findWireProblem, isSafeText } from '../../contract/wire-text';
import { isDomainError } from '../../domain/domain-error';
import type { Principal } from '../core/tokens';
import { OrderWork } from '../core/order-work';
import {
  acceptCommand,
  prepareCommands,
  type AcceptedCommand,
  type CommandServices,
} from '../core/run-commands';
import type { Db, Tx } from '../db/client';
import { mutationLog, syncClients } from '../db/schema';
import { HttpError } from '../http-error';

/** Bounds on one command's arguments: far beyond any real command, far below harm. */
const ARGS_LIMITS = { maxDepth: 12, maxNodes: 5_000 };

type Logged = Pick<
  typeof mutationLog.$inferSelect,
  'mutationId' | 'clientId' | 'seq' | 'requestHash' | 'status' | 'result'
>;
type Outcome = Pick<MutationResult, 'status' | 'result' | 'error'>;

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The content a mutation id stands for; a resend must carry the same. */
function mutationHash(m: Mutation, walkable: boolean): string {
  // Arguments too deep to walk safely are hashed as sent: the same bytes resend the same way.
  const args = walkable ? canonicalJson(m.args) : `unwalkable:${m.seq}`;
  return createHash('sha256')
    .update(JSON.stringify([m.name, m.v]))
    .update(args)
    .digest('hex');
}

/**
 * Locks the device's stream. Every statement of a push is sent by name (ADR 0048): its text is
 * fixed, or fixed per shape (`executeNamed`), its values parameters. A client id belongs to the device and store that first pushed it:
 * another's token on it is refused with nothing to learn from (no sequence numbers).
 */
async function lockClient(tx: Tx, clientId: string, principal: Principal, mutationIds: readonly string[]) {
  // A known stream (every push but a device's first) is locked, and the log rows of the batch's
  // ids read, in one round trip; a new one is stored first, then locked.
  let client = await selectForUpdate(tx, clientId, mutationIds);
  if (!client) {
    await tx
      .insert(syncClients)
      .values({
        clientId,
        storeId: principal.storeId,
        associateId: principal.associateId,
        deviceId: principal.deviceId,
      })
      .onConflictDoNothing()
      .prepare('aisle_push_new_stream')
      .execute();
    client = await selectForUpdate(tx, clientId, mutationIds);
  }
  if (!client) throw new Error('sync client row vanished');
  assertOwnClient(client, principal);
  return client;
}

export function assertOwnClient(
  client: { storeId: string; deviceId: string },
  principal: Pick<Principal, 'storeId' | 'deviceId'>,
): void {
  if (client.storeId !== principal.storeId || client.deviceId !== principal.deviceId) {
    throw new HttpError(403, syncErrorCodes.foreignClient, 'This sync stream belongs to another device');
  }
}

/**
 * The stream's row, locked, with what the log holds of these mutation ids (any client's: a
 * reused id is refused); 409 sync.inProgress at once when another push holds the row.
 */
async function selectForUpdate(tx: Tx, clientId: string, mutationIds: readonly string[]) {
  try {
    const [client] = await tx
      .select({
        ...getTableColumns(syncClients),
        logged: sql<Logged[]>`(select coalesce(json_agg(json_build_object('mutationId', m.mutation_id,
            'clientId', m.client_id, 'seq', m.seq, 'requestHash', m.request_hash, 'status', m.status,
            'result', m.result)), '[]'::json)
          from mutation_log m
          where m.mutation_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(mutationIds)}::jsonb)))`,
      })
      .from(syncClients)
      .where(eq(syncClients.clientId, clientId))
      .for('update', { noWait: true })
      .prepare('aisle_push_stream')
      .execute();
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

const refusal = (code: string, message: string, details?: Record<string, unknown>): Outcome => ({
  status: 'rejected',
  error: { code, message, ...(details ? { details } : {}) },
});

/** A well-formed command to run, or its refusal; checked on its own, never against its batch. */
function screen(m: Mutation): { command: AcceptedCommand } | { refused: Outcome } {
  if (!isSafeText(m.name)) {
    return {
      refused: refusal(syncErrorCodes.unsafeText, 'The command name holds characters no text may hold'),
    };
  }
  const problem = findWireProblem(m.args, ARGS_LIMITS);
  if (problem?.kind === 'unsafeText') {
    return {
      refused: refusal(syncErrorCodes.unsafeText, 'The arguments hold characters no text may hold', {
        path: `args${problem.path}`,
      }),
    };
  }
  if (problem) {
    return { refused: refusal(syncErrorCodes.argsTooLarge, 'The arguments are too deep or too large') };
  }
  try {
    return { command: acceptCommand(m.name, m.v, m.args) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { refused: refusal(error.code, error.message, error.details) };
  }
}

interface Planned {
  m: Mutation;
  /** The stored answer of a resend, or a refusal decided before anything runs. */
  answer?: MutationResult;
  /** Advances the stream: every new seq is consumed, applied or refused. */
  consumes: boolean;
  /** Whether the mutation id may be logged (it is not already). */
  loggable: boolean;
  command?: AcceptedCommand;
  refused?: Outcome;
  hash: string;
}

/**
 * Decides, before anything runs, what becomes of each mutation. Only a gap in the sequence
 * fails the batch (409 with the expected seq: the device renumbers its own stream); everything
 * else is answered per mutation, so one bad command never holds back the others.
 */
function planBatch(mutations: Mutation[], logged: Map<string, Logged>, clientId: string, lastSeq: number) {
  let expected = lastSeq + 1;
  const seen = new Set<string>();
  const plan: Planned[] = [];
  for (const m of mutations) {
    const walkable = findWireProblem(m.args, ARGS_LIMITS) === null;
    const hash = mutationHash(m, walkable);
    const base = { m, hash, consumes: false, loggable: false };
    const earlier = logged.get(m.id);
    const repeated = seen.has(m.id);
    seen.add(m.id);
    if (m.seq <= lastSeq) {
      if (
        !repeated &&
        earlier &&
        earlier.clientId === clientId &&
        earlier.seq === m.seq &&
        earlier.requestHash === hash
      ) {
        const stored = (earlier.result ?? {}) as { result?: unknown; error?: MutationResult['error'] };
        plan.push({
          ...base,
          answer: { id: m.id, seq: m.seq, status: 'duplicate', originalStatus: earlier.status, ...stored },
        });
      } else {
        plan.push({
          ...base,
          answer: {
            id: m.id,
            seq: m.seq,
            ...refusal(
              syncErrorCodes.mutationMismatch,
              'This sequence number was already used by another command',
            ),
          },
        });
      }
      continue;
    }
    if (m.seq !== expected) {
      throw new HttpError(409, syncErrorCodes.outOfOrder, `Expected sequence ${expected}, got ${m.seq}`, {
        expectedSeq: expected,
        lastProcessedSeq: lastSeq,
      });
    }
    expected++;
    if (repeated) {
      plan.push({
        ...base,
        consumes: true,
        refused: refusal(syncErrorCodes.duplicateMutationId, 'This command id appears twice in the batch'),
      });
    } else if (earlier) {
      plan.push({
        ...base,
        consumes: true,
        refused: refusal(
          syncErrorCodes.mutationMismatch,
          'This command id was already used for another command',
        ),
      });
    } else {
      plan.push({ ...base, consumes: true, loggable: true, ...screen(m) });
    }
  }
  return plan;
}

const loggableName = (name: string) => (isSafeText(name) ? name : '(unreadable)');

/**
 * Applies a device's queued commands exactly once, in sequence order. The whole batch is one
 * transaction and one unit of work: what the commands read is loaded in a fixed number of
 * statements, each command's effect is recorded in memory (and forgotten if it is refused), then
 * all effects, the log rows and the advanced last_seq are written together; a database failure
 * leaves the batch unapplied, to be resent.
 */
export async function pushMutations(
  db: Db,
  principal: Principal,
  body: PushBody,
  services: CommandServices,
): Promise<PushResponse> {
  const mutations = [...body.mutations].sort((a, b) => a.seq - b.seq);
  const actor: CommandActor = {
    type: 'associate',
    id: principal.associateId,
    name: principal.name,
    storeId: principal.storeId,
    role: principal.role,
    deviceId: principal.deviceId,
  };
  // Refused pickup codes are audited in the batch's transaction, and counted once it committed:
  // a batch that fails is resent, and its refusals are counted then.
  const pickupRefusals: PickupRefusal[] = [];
  const response = await applyBatch(db, principal, body, { ...services, pickupRefusals }, mutations, actor);
  if (services.limits && pickupRefusals.length > 0)
    await countPickupRefusals(services.limits, pickupRefusals);
  return response;
}

async function applyBatch(
  db: Db,
  principal: Principal,
  body: PushBody,
  services: CommandServices,
  mutations: PushBody['mutations'],
  actor: CommandActor,
): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    const client = await lockClient(
      tx,
      body.clientId,
      principal,
      mutations.map((m) => m.id),
    );
    const logged = new Map(client.logged.map((row) => [row.mutationId, row]));
    const plan = planBatch(mutations, logged, body.clientId, client.lastSeq);

    const work = new OrderWork(tx, principal.storeId);
    const run = await prepareCommands(
      work,
      actor,
      plan.flatMap((p) => (p.command ? [p.command] : [])),
      services,
    );

    const unaudited = [...(services.pickupRefusals ?? [])];
    let lastSeq = client.lastSeq;
    const results: MutationResult[] = [];
    const entries: LogEntry[] = [];
    for (const p of plan) {
      if (p.answer) {
        results.push(p.answer);
        continue;
      }
      const outcome = p.refused ?? attempt(p.command!, run);
      if (p.m.name === 'order.handover') auditRefusedPickup(work, actor, p.m, unaudited);
      lastSeq = p.m.seq;
      results.push({ id: p.m.id, seq: p.m.seq, ...outcome });
      if (!p.loggable) continue;
      entries.push({
        mutationId: p.m.id,
        clientId: body.clientId,
        seq: p.m.seq,
        name: loggableName(p.m.name),
        requestHash: p.hash,
        status: outcome.status === 'rejected' ? 'rejected' : 'applied',
        result: outcome.status === 'rejected' ? { error: outcome.error } : { result: outcome.result },
        associateId: principal.associateId,
        storeId: principal.storeId,
      });
    }
    // A refused code whose command was not the one refused (none should be) is still audited.
    for (const refusal of unaudited) auditPickup(work, actor, refusal);
    // The effects, the log rows and the stream's position are written in one statement.
    await work.flush([
      ...(entries.length > 0 ? [logInsert(entries)] : []),
      sql`update sync_clients set last_seq = ${lastSeq}, associate_id = ${principal.associateId},
        updated_at = now() where client_id = ${body.clientId}`,
    ]);
    return { lastProcessedSeq: lastSeq, results };
  });
}

type LogEntry = typeof mutationLog.$inferInsert;

/** The log rows of a batch, in one insert (a CTE of the flush's statement). */
function logInsert(entries: readonly LogEntry[]): SQL {
  return sql`insert into mutation_log (mutation_id, client_id, seq, name, request_hash, status, result,
      associate_id, store_id)
    select r."mutationId", r."clientId", r."seq", r."name", r."requestHash", r."status", r."result",
      r."associateId", r."storeId"
    from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as r(
      "mutationId" uuid, "clientId" uuid, "seq" int, "name" text, "requestHash" text, "status" text,
      "result" jsonb, "associateId" uuid, "storeId" text)`;
}

function auditPickup(work: OrderWork, actor: CommandActor, refusal: PickupRefusal): void {
  const audit = pickupRefusalAudit(actor, refusal);
  work.audit(audit.actor, audit.entry);
}

/**
 * A wrong code is audited where its handover stands in the batch (refused for the code, or
 * earlier for another reason), so the audit trail reads the same however the device's commands
 * were split into batches.
 */
function auditRefusedPickup(
  work: OrderWork,
  actor: CommandActor,
  m: Mutation,
  unaudited: PickupRefusal[],
): void {
  const orderId = (m.args as { orderId?: unknown } | null)?.orderId;
  const at = unaudited.findIndex((r) => r.orderId === orderId);
  if (at < 0) return;
  const [refusal] = unaudited.splice(at, 1);
  auditPickup(work, actor, refusal!);
}

function attempt(command: AcceptedCommand, run: (command: AcceptedCommand) => unknown): Outcome {
  try {
    const result = run(command);
    return { status: 'applied', result: result ?? null };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refusal(error.code, error.message, error.details);
  }
}

/** The log answers resends for as long as a device may stay offline. */
export async function pruneMutationLog(db: Db, keepDays = 30): Promise<void> {
  await db
    .delete(mutationLog)
    .where(sql`${mutationLog.createdAt} < now() - make_interval(days => ${keepDays})`);
}
