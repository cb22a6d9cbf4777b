import { parseArgs } from 'node:util';
import type { Env } from '../env';
import { databaseConfigOf, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createFirstManager, firstManagerProblems, type FirstManagerInput } from './create-manager';

export const CREATE_MANAGER_USAGE = `Usage: node dist/server/main.js create-manager --store-id MI01 --store-name "Aisle Milano Duomo" \\
         --city Milano --address "Via Torino 1" --postcode 20123 [--timezone Europe/Rome] \\
         [--lat 45.46 --lng 9.19] --employee-id 1000 --name "Maria Bianchi"
       The PIN (4-8 digits, not a demo or trivial one) is read from the MANAGER_PIN variable or
       the first line of standard input, never from the command line.`;

async function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('PIN for the new manager: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return (text.split('\n')[0] ?? '').trim();
}

/** `main.js create-manager …`: the first store and manager of a fresh production database. */
export async function createManagerCommand(env: Env, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'store-id': { type: 'string' },
      'store-name': { type: 'string' },
      city: { type: 'string' },
      address: { type: 'string' },
      postcode: { type: 'string' },
      timezone: { type: 'string', default: 'Europe/Rome' },
      lat: { type: 'string', default: '0' },
      lng: { type: 'string', default: '0' },
      'employee-id': { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${CREATE_MANAGER_USAGE}\n`);
    return 0;
  }
  const pin = process.env.MANAGER_PIN?.trim() || (await readFirstLine());
  const input: Partial<FirstManagerInput> = {
    storeId: values['store-id'],
    storeName: values['store-name'],
    city: values.city,
    address: values.address,
    postcode: values.postcode,
    timezone: values.timezone,
    lat: Number(values.lat),
    lng: Number(values.lng),
    employeeId: values['employee-id'],
    name: values.name,
    pin,
  };
  const problems = firstManagerProblems(input);
  if (problems.length) {
    process.stderr.write(
      `Cannot create the manager:\n  ${problems.join('\n  ')}\n\n${CREATE_MANAGER_USAGE}\n`,
    );
    return 2;
  }
  const database = await openDatabase(databaseConfigOf(env));
  try {
    await runMigrations(database);
    const result = await createFirstManager(database.db, input as FirstManagerInput);
    process.stdout.write(
      `${result.storeCreated ? 'Created store' : 'Store exists:'} ${input.storeId}; manager ${input.employeeId} (${input.name}) can sign in.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
