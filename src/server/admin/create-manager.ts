import { and, eq } from 'drizzle-orm';
import { pinProblem, pinProblemWords } from '../../domain/pin-policy';
import { recordAudit } from '../audit/audit';
import { hashPin } from '../core/pin-hash';
import type { Db } from '../db/client';
import { associates, stores } from '../db/schema';

export interface FirstManagerInput {
  storeId: string;
  storeName: string;
  city: string;
  address: string;
  postcode: string;
  timezone: string;
  lat: number;
  lng: number;
  employeeId: string;
  name: string;
  pin: string;
}

const OPEN = [{ open: '09:00', close: '20:00' }];
const defaultHours = { mon: OPEN, tue: OPEN, wed: OPEN, thu: OPEN, fri: OPEN, sat: OPEN, sun: [] };

/** Every reason the input cannot make a store and its manager, listed together. */
export function firstManagerProblems(input: Partial<FirstManagerInput>): string[] {
  const problems: string[] = [];
  const text = (key: keyof FirstManagerInput, pattern: RegExp, words: string) => {
    const value = input[key];
    if (typeof value !== 'string' || !pattern.test(value)) problems.push(`--${flagOf(key)} ${words}`);
  };
  text('storeId', /^[A-Z0-9]{2,12}$/, 'is required: 2-12 capital letters or digits, e.g. MI01');
  text('storeName', /^\S.{0,79}$/, 'is required, e.g. "Aisle Milano Duomo"');
  text('city', /^\S.{0,59}$/, 'is required');
  text('address', /^\S.{0,119}$/, 'is required');
  text('postcode', /^\S.{0,15}$/, 'is required');
  text('employeeId', /^\d{3,16}$/, 'is required: 3-16 digits');
  text('name', /^\S.{0,79}$/, "is required: the manager's name");
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timezone });
  } catch {
    problems.push('--timezone must be an IANA time zone, e.g. Europe/Rome');
  }
  for (const key of ['lat', 'lng'] as const) {
    const value = input[key];
    const limit = key === 'lat' ? 90 : 180;
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
      problems.push(`--${key} must be a number between -${limit} and ${limit}`);
    }
  }
  const pin = pinProblem(input.pin ?? '');
  if (pin) problems.push(`the PIN ${pinProblemWords[pin]}`);
  return problems;
}

function flagOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The first store and its manager on a fresh production database (no demo seed): the manager
 * then signs in and enrolls devices. The store may exist already (a second manager); the
 * employee may not.
 */
export async function createFirstManager(
  db: Db,
  input: FirstManagerInput,
): Promise<{ storeCreated: boolean; associateId: string }> {
  const problems = firstManagerProblems(input);
  if (problems.length) throw new Error(`Cannot create the manager:\n  ${problems.join('\n  ')}`);
  const pinHash = await hashPin(input.pin);
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(stores)
      .values({
        id: input.storeId,
        name: input.storeName,
        city: input.city,
        address: input.address,
        postcode: input.postcode,
        timezone: input.timezone,
        lat: input.lat,
        lng: input.lng,
        openingHours: defaultHours,
      })
      .onConflictDoNothing()
      .returning({ id: stores.id });
    const [taken] = await tx
      .select({ id: associates.id })
      .from(associates)
      .where(and(eq(associates.storeId, input.storeId), eq(associates.employeeId, input.employeeId)));
    if (taken) throw new Error(`Store ${input.storeId} already has an employee ${input.employeeId}`);
    const [manager] = await tx
      .insert(associates)
      .values({
        storeId: input.storeId,
        employeeId: input.employeeId,
        name: input.name,
        role: 'manager',
        pinHash,
      })
      .returning({ id: associates.id });
    await recordAudit(
      tx,
      { type: 'system', id: null, storeId: input.storeId, deviceId: 'cli:create-manager' },
      { action: 'associate.create', entityType: 'associate', entityId: manager!.id },
    );
    return { storeCreated: created.length > 0, associateId: manager!.id };
  });
}
