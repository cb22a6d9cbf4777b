import type { ZodType } from 'zod';
import type { CommandDefinition } from '../../commands/define-command';
import type { CommandActor } from '../../commands/order-tx';
import { definitionOf } from '../../commands/registry';
import { syncErrorCodes } from '../../contract/error-codes';
import { commandArgs } from '../../contract/sync';
import { DomainError } from '../../domain/domain-error';
import type { Executor } from '../db/client';
import { loadCommandFacts, type CommandServices } from './command-facts';
import { OrderWork } from './order-work';
import { serverTx } from './server-tx';

export type { CommandServices };

/**
 * The server checks arguments synchronously, so it holds the validators the definitions load
 * lazily on the device (the same schema objects: a unit test holds them equal).
 */
const validators: ReadonlyMap<string, ZodType> = new Map(Object.entries(commandArgs));

/** A command the server can run: known, in a version it accepts, with well-formed arguments. */
export interface AcceptedCommand {
  definition: CommandDefinition;
  args: unknown;
}

/**
 * The arguments of an older version, carried up to the current one by the definition's
 * upcasts; undefined when the version is newer than this server or retired.
 */
function upcast(definition: CommandDefinition, v: number, args: unknown): unknown {
  let current = args;
  for (let version = v; version < definition.v; version++) {
    const step = definition.upcasts?.[version];
    if (!step) return undefined;
    current = step(current);
  }
  return v <= definition.v ? current : undefined;
}

/** Checks a command before it runs; a refusal here is the command's alone, never its batch's. */
export function acceptCommand(name: string, v: number, args: unknown): AcceptedCommand {
  const definition = definitionOf(name);
  if (!definition) {
    throw new DomainError(syncErrorCodes.unknownCommand, 'This server does not know this command', { v });
  }
  const current = upcast(definition, v, args);
  if (current === undefined) {
    throw new DomainError(
      v > definition.v ? syncErrorCodes.unknownCommand : syncErrorCodes.retiredVersion,
      v > definition.v
        ? `This server does not know ${name} v${v}; it is newer than the server`
        : `${name} v${v} is no longer accepted; update the app`,
      { name, v, current: definition.v },
    );
  }
  const validator = validators.get(definition.name);
  if (!validator) throw new Error(`${definition.name} has no validator in the contract`);
  const parsed = validator.safeParse(current);
  if (!parsed.success) {
    throw new DomainError(syncErrorCodes.invalidArgs, `Invalid arguments for ${name}`, {
      fields: parsed.error.issues.map((i) => ({ path: `args.${i.path.join('.')}`, message: i.message })),
    });
  }
  return { definition, args: parsed.data };
}

/**
 * Loads what the commands read, in one go, then makes a runner that applies each with the
 * server's authority. A refused command (a DomainError) leaves no trace in the unit of work.
 */
export async function prepareCommands(
  work: OrderWork,
  actor: CommandActor,
  commands: readonly AcceptedCommand[],
  services: CommandServices,
): Promise<(command: AcceptedCommand) => unknown> {
  const facts = await loadCommandFacts(
    work,
    commands.map((c) => c.definition.reads(c.args)),
    services,
  );
  const tx = serverTx(work, actor, facts);
  return (command) => work.attemptNow(() => command.definition.apply(tx, command.args));
}

/**
 * Commands in the caller's transaction, one after the other in one unit of work, written before
 * it returns: the REST action routes, the platform's cancel, the demo seed. The first refusal
 * throws and the caller's transaction rolls back.
 */
export async function runCommands(
  executor: Executor,
  actor: CommandActor,
  commands: readonly { name: string; args: unknown }[],
  services: CommandServices = {},
): Promise<unknown[]> {
  const accepted = commands.map(({ name, args }) => acceptCommand(name, definitionOf(name)?.v ?? 0, args));
  const work = new OrderWork(executor, actor.storeId);
  const run = await prepareCommands(work, actor, accepted, services);
  const results = accepted.map(run);
  await work.flush();
  return results;
}
