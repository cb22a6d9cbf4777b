import {
  englishFirstNames,
  englishSurnames,
  italianFemaleNames,
  italianMaleNames,
  italianSurnames,
} from './names';
import type { Rng } from './random';

export interface SeedAssociate {
  employeeId: string;
  name: string;
  role: 'associate' | 'manager';
  pin: string;
}

export interface SeedCustomer {
  name: string;
  email: string;
  phone: string;
  language: 'it' | 'en';
}

/** Documented demo credentials (see the README), not secrets: never reuse outside seeds. */
export const demoPins = { associate: '1234', manager: '9999' } as const;

export const associatesPerStore = 4;

function italianName(rng: Rng): string {
  const first = rng.chance(0.5) ? rng.pick(italianFemaleNames) : rng.pick(italianMaleNames);
  return `${first} ${rng.pick(italianSurnames)}`;
}

/**
 * One manager ("<n>000") and four associates ("<n>001".."<n>004") for store n = index + 1.
 * The store number leads the id so staff can tell at a glance which store someone belongs to.
 */
export function seedAssociates(storeIndex: number, rng: Rng): SeedAssociate[] {
  if (!Number.isInteger(storeIndex) || storeIndex < 0) {
    throw new RangeError(`storeIndex must be a non-negative integer, got ${storeIndex}`);
  }
  const used = new Set<string>();
  const uniqueName = (): string => {
    // Two "Giulia Rossi" in one store would make the manager dashboard ambiguous.
    for (;;) {
      const name = italianName(rng);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const prefix = String(storeIndex + 1);
  const staff: SeedAssociate[] = [
    {
      employeeId: `${prefix}000`,
      name: uniqueName(),
      role: 'manager',
      pin: demoPins.manager,
    },
  ];
  for (let n = 1; n <= associatesPerStore; n++) {
    staff.push({
      employeeId: `${prefix}${String(n).padStart(3, '0')}`,
      name: uniqueName(),
      role: 'associate',
      pin: demoPins.associate,
    });
  }
  return staff;
}

/** "Nicolò D'Angelo" → "nicolo.dangelo": e-mail local parts stay plain ASCII. */
function emailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

const mobilePrefixes = [
  '320',
  '324',
  '328',
  '329',
  '331',
  '333',
  '338',
  '339',
  '340',
  '342',
  '345',
  '347',
  '348',
  '349',
  '351',
  '366',
  '371',
  '377',
  '380',
  '388',
  '389',
  '392',
  '393',
];

/** Italian mobile in E.164: +39, a 3xx operator prefix, then seven digits. */
function italianMobile(rng: Rng): string {
  let subscriber = '';
  for (let i = 0; i < 7; i++) subscriber += String(rng.int(0, 9));
  return `+39${rng.pick(mobilePrefixes)}${subscriber}`;
}

/**
 * A demo shopper. About 15% are English-speaking tourists, so both UI languages show up in
 * pickup e-mails. Addresses use the reserved example.* domains (RFC 2606), so a
 * misconfigured mailer can never reach a real person.
 */
export function randomCustomer(rng: Rng): SeedCustomer {
  const english = rng.chance(0.15);
  const first = english
    ? rng.pick(englishFirstNames)
    : rng.chance(0.5)
      ? rng.pick(italianFemaleNames)
      : rng.pick(italianMaleNames);
  const last = english ? rng.pick(englishSurnames) : rng.pick(italianSurnames);
  const suffix = rng.chance(0.5) ? String(rng.int(1, 99)) : '';
  const domain = english ? 'example.com' : rng.chance(0.7) ? 'example.it' : 'example.com';
  return {
    name: `${first} ${last}`,
    email: `${emailPart(first)}.${emailPart(last)}${suffix}@${domain}`,
    phone: italianMobile(rng),
    language: english ? 'en' : 'it',
  };
}
