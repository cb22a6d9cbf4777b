import { DomainError } from './domain-error';
import { fixedDataLength, gs1Ai, gs1AiAt, hasPredefinedLength } from './gs1-ai-table';
import type { Gs1AiDefinition } from './gs1-ai-table';
import { gs1Date } from './gs1-date';
import { hasValidGs1CheckDigit } from './gtin-check-digit';

export const gs1ErrorCodes = {
  empty: 'gs1.empty',
  notGs1: 'gs1.notGs1',
  unknownAi: 'gs1.unknownAi',
  badLength: 'gs1.badLength',
  badCharacter: 'gs1.badCharacter',
  badCheckDigit: 'gs1.badCheckDigit',
  badDate: 'gs1.badDate',
  missingSeparator: 'gs1.missingSeparator',
  duplicateAi: 'gs1.duplicateAi',
} as const;

type Gs1ErrorCode = (typeof gs1ErrorCodes)[keyof typeof gs1ErrorCodes];

/** The group separator a decoder puts where the symbol has FNC1 after a variable-length field. */
export const GS = '\u001d';

/**
 * AIM symbology identifiers of the symbols whose data is a GS1 element string: GS1-128,
 * GS1 DataBar, GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
 */
export const gs1SymbologyIds = [']C1', ']e0', ']d2', ']Q3', ']J1'] as const;

export interface Gs1Money {
  amount: number;
  /** ISO 4217 alphabetic code when known here, else null (see currencyNumeric). */
  currency: string | null;
  /** ISO 4217 numeric code as encoded (391n, 393n); null for 390n, 392n (local currency). */
  currencyNumeric: string | null;
}

export type Gs1Value = string | number | Gs1Money;

export interface Gs1Element {
  ai: string;
  title: string;
  raw: string;
  /** Dates as "YYYY-MM-DD", counts and measures as numbers, amounts as Gs1Money, else the text. */
  value: Gs1Value;
  unit?: string;
}

export interface ParseGs1Options {
  /**
   * The year from which 2-digit years are read (GS1's 50-year window). Defaults to the
   * device's clock; pass it wherever the outcome must not depend on the clock.
   */
  referenceYear?: number;
}

const currencies: Record<string, string> = {
  '978': 'EUR',
  '840': 'USD',
  '826': 'GBP',
  '756': 'CHF',
  '985': 'PLN',
  '752': 'SEK',
  '208': 'DKK',
  '578': 'NOK',
  '203': 'CZK',
  '348': 'HUF',
  '946': 'RON',
  '392': 'JPY',
  '156': 'CNY',
  '124': 'CAD',
  '036': 'AUD',
  '710': 'ZAR',
};

/** GS1 AI encodable character set 82 (General Specifications figure 7.11-1). */
const charset82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

function fail(code: Gs1ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

/** "001250" with 3 decimals is 1.25; built from the digits so no float error creeps in. */
function decimal(digits: string, decimals: number): number {
  if (decimals === 0) return Number(digits);
  const padded = digits.padStart(decimals + 1, '0');
  return Number(`${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`);
}

/** Splits an AI's data into its format parts, checking lengths, characters and check digits. */
function splitParts(definition: Gs1AiDefinition, raw: string): string[] {
  const pieces: string[] = [];
  let offset = 0;
  definition.parts.forEach((part, index) => {
    const last = index === definition.parts.length - 1;
    const piece = last ? raw.slice(offset) : raw.slice(offset, offset + part.max);
    offset += piece.length;
    const details = { ai: definition.ai, raw };
    if (piece.length < part.min || piece.length > part.max) {
      fail(gs1ErrorCodes.badLength, `AI (${definition.ai}) takes ${definition.format}`, details);
    }
    if (!(part.charset === 'N' ? /^\d*$/ : charset82).test(piece)) {
      fail(gs1ErrorCodes.badCharacter, `AI (${definition.ai}) takes ${definition.format}`, details);
    }
    if (part.checkDigit && !hasValidGs1CheckDigit(piece)) {
      fail(gs1ErrorCodes.badCheckDigit, `Wrong check digit in AI (${definition.ai})`, details);
    }
    pieces.push(piece);
  });
  return pieces;
}

function toElement(definition: Gs1AiDefinition, raw: string, referenceYear: number): Gs1Element {
  const pieces = splitParts(definition, raw);
  const base = { ai: definition.ai, title: definition.title, raw };
  const decimals = definition.decimals ?? 0;
  switch (definition.kind) {
    case 'date': {
      const date = gs1Date(raw, referenceYear);
      if (!date)
        fail(gs1ErrorCodes.badDate, `AI (${definition.ai}) holds no date: ${raw}`, {
          ai: definition.ai,
          raw,
        });
      return { ...base, value: date };
    }
    case 'count':
      return { ...base, value: Number(raw) };
    case 'measure':
      return { ...base, value: decimal(raw, decimals), unit: definition.unit ?? '' };
    case 'amount':
      return { ...base, value: { amount: decimal(raw, decimals), currency: null, currencyNumeric: null } };
    case 'amountIso': {
      const [iso = '', amount = ''] = pieces;
      return {
        ...base,
        value: { amount: decimal(amount, decimals), currency: currencies[iso] ?? null, currencyNumeric: iso },
      };
    }
    default:
      return { ...base, value: raw };
  }
}

/** Strips a leading AIM symbology identifier, refusing one of a symbol that carries no GS1 data. */
export function stripGs1SymbologyId(text: string): { symbologyId?: string; data: string } {
  if (!text.startsWith(']')) return { data: text };
  const id = text.slice(0, 3);
  if (!(gs1SymbologyIds as readonly string[]).includes(id)) {
    fail(gs1ErrorCodes.notGs1, `Symbology ${id} carries no GS1 element string`, { symbologyId: id });
  }
  return { symbologyId: id, data: text.slice(3) };
}

/** The (AI, data) pairs of the human-readable form "(01)09506000134352(10)ABC123". */
function bracketPairs(data: string): [Gs1AiDefinition, string][] {
  const pairs: [Gs1AiDefinition, string][] = [];
  // A "(" starts a new AI only when 2–4 digits and ")" follow: data may hold brackets too.
  const heads = [...data.matchAll(/\((\d{2,4})\)/g)];
  if (heads[0]?.index !== 0)
    fail(gs1ErrorCodes.unknownAi, 'The bracketed form starts with "(AI)"', { text: data });
  heads.forEach((head, index) => {
    const ai = head[1] ?? '';
    const definition = gs1Ai(ai);
    if (!definition) fail(gs1ErrorCodes.unknownAi, `Unknown AI (${ai})`, { ai });
    const start = (head.index ?? 0) + head[0].length;
    const raw = data.slice(start, heads[index + 1]?.index ?? data.length);
    pairs.push([definition, raw]);
  });
  return pairs;
}

/** The (AI, data) pairs of the raw form, where GS ends a variable-length field. */
function rawPairs(data: string): [Gs1AiDefinition, string][] {
  const pairs: [Gs1AiDefinition, string][] = [];
  let i = 0;
  while (i < data.length) {
    // A GS that leads (FNC1 in first position), doubles, or follows a fixed-length field is noise.
    if (data[i] === GS) {
      i++;
      continue;
    }
    const definition = gs1AiAt(data, i);
    if (!definition) {
      fail(gs1ErrorCodes.unknownAi, `Unknown AI at "${data.slice(i, i + 4)}"`, {
        at: i,
        text: data.slice(i, i + 4),
      });
    }
    i += definition.ai.length;
    const fixed = fixedDataLength(definition);
    let end = fixed === undefined ? data.indexOf(GS, i) : i + fixed;
    if (end === -1) end = data.length;
    const raw = data.slice(i, end);
    if (fixed !== undefined && (raw.length < fixed || raw.includes(GS))) {
      fail(gs1ErrorCodes.badLength, `AI (${definition.ai}) takes ${definition.format}`, {
        ai: definition.ai,
        raw,
      });
    }
    const max = definition.parts.reduce((n, p) => n + p.max, 0);
    if (fixed === undefined && raw.length > max) {
      // The field ran past its maximum: the GS that should have ended it is missing.
      fail(gs1ErrorCodes.missingSeparator, `AI (${definition.ai}) is not followed by GS`, {
        ai: definition.ai,
        raw,
      });
    }
    pairs.push([definition, raw]);
    i = end;
  }
  return pairs;
}

export interface Gs1ElementStringParse {
  symbologyId?: string;
  elements: Gs1Element[];
}

/**
 * Parses what a decoder returns for GS1-128, GS1 DataBar, GS1 DataMatrix or GS1 QR: an
 * optional symbology identifier, then AIs and their data with GS after variable-length fields;
 * or the bracketed human-readable form. Throws a DomainError with a gs1ErrorCodes code.
 */
export function parseGs1Elements(text: string, options: ParseGs1Options = {}): Gs1ElementStringParse {
  const referenceYear = options.referenceYear ?? new Date().getFullYear();
  const { symbologyId, data } = stripGs1SymbologyId(text.trim());
  const pairs = data.startsWith('(') ? bracketPairs(data) : rawPairs(data);
  if (pairs.length === 0) fail(gs1ErrorCodes.empty, 'No GS1 data');
  const elements: Gs1Element[] = [];
  for (const [definition, raw] of pairs) {
    const twin = elements.find((e) => e.ai === definition.ai);
    if (twin && twin.raw !== raw) {
      fail(gs1ErrorCodes.duplicateAi, `AI (${definition.ai}) appears twice with different data`, {
        ai: definition.ai,
      });
    }
    if (!twin) elements.push(toElement(definition, raw, referenceYear));
  }
  return symbologyId ? { symbologyId, elements } : { elements };
}

/**
 * The raw element string for (AI, data) pairs, with GS only where GS1 requires it: after a
 * field whose length GS1 did not predefine, unless it comes last. For labels and tests.
 */
export function formatGs1ElementString(pairs: readonly (readonly [string, string])[]): string {
  return pairs
    .map(([ai, raw], index) => {
      const last = index === pairs.length - 1;
      return `${ai}${raw}${last || hasPredefinedLength(ai) ? '' : GS}`;
    })
    .join('');
}

/** The human-readable form "(01)09506000134352(10)ABC123". */
export function formatGs1Hri(elements: readonly Pick<Gs1Element, 'ai' | 'raw'>[]): string {
  return elements.map((e) => `(${e.ai})${e.raw}`).join('');
}
