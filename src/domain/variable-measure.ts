import { DomainError } from './domain-error';
import { gtinCheckDigit } from './gtin-check-digit';
import { priceCheckDigit } from './price-check-digit';

export const variableMeasureErrorCodes = {
  notVariableMeasure: 'variableMeasure.notVariableMeasure',
  noLayout: 'variableMeasure.noLayout',
  badCheckDigit: 'variableMeasure.badCheckDigit',
  badPriceCheckDigit: 'variableMeasure.badPriceCheckDigit',
  badLayout: 'variableMeasure.badLayout',
  badValue: 'variableMeasure.badValue',
} as const;

type VariableMeasureErrorCode = (typeof variableMeasureErrorCodes)[keyof typeof variableMeasureErrorCodes];

/**
 * How a store's scales lay out an EAN-13 with a restricted-circulation prefix (20–29): the
 * prefix, an item reference, an optional price check digit, the value, the EAN check digit.
 * GS1 leaves the layout to each country's member organisation (or each retailer), hence data.
 */
export interface VariableMeasureLayout {
  name: string;
  /** Leading digits that select this layout, all of one length, each starting with 2. */
  prefixes: readonly string[];
  itemDigits: number;
  /** A GS1 price/weight check digit between the item reference and a 4- or 5-digit value. */
  priceCheckDigit: boolean;
  valueDigits: number;
  measure: 'priceCents' | 'weightGrams';
  /** Cents or grams per unit of the printed value: 10 when the value is in tens of grams. Default 1. */
  scale?: number;
}

/**
 * Italy (GS1 Italy, formerly Indicod): "2", a 6-digit item code, the price in euro cents in 5
 * digits, the check digit. Item codes 200000–999999 are assigned nationally to fresh-food
 * producers, 000000–199999 are for a retailer's own scales (prefixes 20 and 21 in effect).
 * No price check digit. The default, as Aisle's stores are Italian.
 */
export const italianPriceLayout: VariableMeasureLayout = {
  name: 'it-price',
  prefixes: ['2'],
  itemDigits: 6,
  priceCheckDigit: false,
  valueDigits: 5,
  measure: 'priceCents',
};

/** Sweden and Norway: 23 + 6-digit item + weight in grams in 4 digits (GS1 Sweden). */
export const nordicWeightLayout: VariableMeasureLayout = {
  name: 'se-weight',
  prefixes: ['23'],
  itemDigits: 6,
  priceCheckDigit: false,
  valueDigits: 4,
  measure: 'weightGrams',
};

/** Germany: 22/23 + 4-digit item + price check digit + price in cents in 5 digits (GS1 Germany). */
export const germanPriceLayout: VariableMeasureLayout = {
  name: 'de-price',
  prefixes: ['22', '23'],
  itemDigits: 4,
  priceCheckDigit: true,
  valueDigits: 5,
  measure: 'priceCents',
};

/** Germany: 28/29 + 4-digit item + price check digit + weight in grams in 5 digits. */
export const germanWeightLayout: VariableMeasureLayout = {
  name: 'de-weight',
  prefixes: ['28', '29'],
  itemDigits: 4,
  priceCheckDigit: true,
  valueDigits: 5,
  measure: 'weightGrams',
};

/** United Kingdom: 20 + 5-digit item + 4-digit price check digit + price in pence in 4 digits. */
export const britishPriceLayout: VariableMeasureLayout = {
  name: 'gb-price',
  prefixes: ['20'],
  itemDigits: 5,
  priceCheckDigit: true,
  valueDigits: 4,
  measure: 'priceCents',
};

export const defaultVariableMeasureLayouts: readonly VariableMeasureLayout[] = [italianPriceLayout];

export interface VariableMeasureCode {
  layout: string;
  /** The scanned code as GTIN-14: the same product at another price is another code. */
  gtin14: string;
  prefix: string;
  itemReference: string;
  /** The code with the value (and its price check digit) zeroed: the product in the catalogue. */
  lookupGtin14: string;
  price?: { cents: number };
  weightGrams?: number;
}

function fail(code: VariableMeasureErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

function checkLayout(layout: VariableMeasureLayout): number {
  const prefixLength = layout.prefixes[0]?.length ?? 0;
  const total = prefixLength + layout.itemDigits + (layout.priceCheckDigit ? 1 : 0) + layout.valueDigits + 1;
  const ok =
    prefixLength > 0 &&
    layout.prefixes.every((p) => p.length === prefixLength && /^2\d*$/.test(p)) &&
    total === 13 &&
    layout.itemDigits >= 0 &&
    layout.valueDigits > 0 &&
    (!layout.priceCheckDigit || layout.valueDigits === 4 || layout.valueDigits === 5) &&
    Number.isInteger(layout.scale ?? 1) &&
    (layout.scale ?? 1) > 0;
  if (!ok) fail(variableMeasureErrorCodes.badLayout, `Layout ${layout.name} does not add up to an EAN-13`);
  return prefixLength;
}

/** Replaces the value and its price check digit with zeros, and recomputes the EAN check digit. */
function zeroed(code: string, layout: VariableMeasureLayout, prefixLength: number): string {
  const valueStart = prefixLength + layout.itemDigits;
  const body = code.slice(0, valueStart) + '0'.repeat(12 - valueStart);
  return (body + String(gtinCheckDigit(body))).padStart(14, '0');
}

/** The layout among `layouts` (first match wins) whose prefix starts this 13-digit code. */
export function variableMeasureLayoutFor(
  code: string,
  layouts: readonly VariableMeasureLayout[] = defaultVariableMeasureLayouts,
): VariableMeasureLayout | undefined {
  return layouts.find((layout) => layout.prefixes.some((prefix) => code.startsWith(prefix)));
}

/**
 * Reads a price- or weight-embedded EAN-13 (also given as GTIN-14 with a leading 0). Throws
 * notVariableMeasure for any other code, noLayout for a 2x code no layout claims.
 */
export function parseVariableMeasure(
  raw: string,
  layouts: readonly VariableMeasureLayout[] = defaultVariableMeasureLayouts,
): VariableMeasureCode {
  const trimmed = raw.trim();
  const code = /^02\d{12}$/.test(trimmed) ? trimmed.slice(1) : trimmed;
  if (!/^2\d{12}$/.test(code)) {
    fail(variableMeasureErrorCodes.notVariableMeasure, `Not an in-store EAN-13: ${raw}`, { code: raw });
  }
  if (gtinCheckDigit(code.slice(0, 12)) !== Number(code.charAt(12))) {
    fail(variableMeasureErrorCodes.badCheckDigit, `Wrong check digit: ${raw}`, { code: raw });
  }
  const layout = variableMeasureLayoutFor(code, layouts);
  if (!layout) fail(variableMeasureErrorCodes.noLayout, `No layout for ${raw}`, { code: raw });
  const prefixLength = checkLayout(layout);
  const itemEnd = prefixLength + layout.itemDigits;
  const valueStart = itemEnd + (layout.priceCheckDigit ? 1 : 0);
  const value = code.slice(valueStart, valueStart + layout.valueDigits);
  if (layout.priceCheckDigit && priceCheckDigit(value) !== Number(code.charAt(itemEnd))) {
    fail(variableMeasureErrorCodes.badPriceCheckDigit, `Wrong price check digit: ${raw}`, { code: raw });
  }
  const amount = Number(value) * (layout.scale ?? 1);
  return {
    layout: layout.name,
    gtin14: code.padStart(14, '0'),
    prefix: code.slice(0, prefixLength),
    itemReference: code.slice(prefixLength, itemEnd),
    lookupGtin14: zeroed(code, layout, prefixLength),
    ...(layout.measure === 'priceCents' ? { price: { cents: amount } } : { weightGrams: amount }),
  };
}

/** Builds the 13-digit code a scale would print: for demos, fixtures and tests. */
export function buildVariableMeasureCode(
  layout: VariableMeasureLayout,
  input: { prefix?: string; itemReference: string; value: number },
): string {
  const prefixLength = checkLayout(layout);
  const prefix = input.prefix ?? layout.prefixes[0] ?? '';
  if (!layout.prefixes.includes(prefix)) {
    fail(variableMeasureErrorCodes.badValue, `Prefix ${prefix} is not one of layout ${layout.name}`);
  }
  if (!new RegExp(`^\\d{${layout.itemDigits}}$`).test(input.itemReference)) {
    fail(variableMeasureErrorCodes.badValue, `Item reference must be ${layout.itemDigits} digits`);
  }
  const scale = layout.scale ?? 1;
  const printed = input.value / scale;
  if (!Number.isInteger(printed) || printed < 0 || String(printed).length > layout.valueDigits) {
    fail(variableMeasureErrorCodes.badValue, `${input.value} does not fit layout ${layout.name}`, {
      value: input.value,
    });
  }
  const value = String(printed).padStart(layout.valueDigits, '0');
  const check = layout.priceCheckDigit ? String(priceCheckDigit(value)) : '';
  const body = `${prefix}${input.itemReference}${check}${value}`;
  if (body.length !== 12 || prefix.length !== prefixLength) {
    fail(variableMeasureErrorCodes.badLayout, `Layout ${layout.name} does not add up to an EAN-13`);
  }
  return body + String(gtinCheckDigit(body));
}
