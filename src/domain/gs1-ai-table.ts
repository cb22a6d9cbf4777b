/*
 * The GS1 Application Identifiers Aisle reads (GS1 General Specifications, section 3), in
 * GS1's own notation: "N14c" is 14 digits ending in a check digit, "X..20" up to 20 characters
 * of the GS1 82-character set, "N3+N..15" a 3-digit part then up to 15 digits, "X0..16" a part
 * that may be empty. An AI not listed here stops the parse: without its length, nothing after
 * it can be read.
 */

export type Gs1AiKind =
  | 'id' // a GS1 key with a check digit: SSCC, GTIN, GLN, GSIN
  | 'text'
  | 'date' // YYMMDD
  | 'count'
  | 'measure' // 31nn–36nn: the 4th digit places the decimal point
  | 'amount' // 390n, 392n: in the local currency
  | 'amountIso'; // 391n, 393n: ISO 4217 numeric currency, then the amount

export interface Gs1FormatPart {
  charset: 'N' | 'X';
  min: number;
  max: number;
  checkDigit: boolean;
}

export interface Gs1AiDefinition {
  ai: string;
  title: string;
  format: string;
  parts: readonly Gs1FormatPart[];
  kind: Gs1AiKind;
  /** For measures: the unit and whether it is a logistic (gross) rather than trade (net) measure. */
  unit?: string;
  decimals?: number;
}

function parseFormat(format: string): Gs1FormatPart[] {
  return format.split('+').map((part) => {
    const match = /^([NX])(?:(\d+)|(0)?\.\.(\d+))(c?)$/.exec(part);
    if (!match) throw new Error(`Bad GS1 format ${format}`);
    const [, charset, fixed, optional, max, check] = match;
    return {
      charset: charset as 'N' | 'X',
      min: fixed ? Number(fixed) : optional ? 0 : 1,
      max: Number(fixed ?? max),
      checkDigit: check === 'c',
    };
  });
}

const table = new Map<string, Gs1AiDefinition>();

function define(
  ai: string,
  title: string,
  format: string,
  kind: Gs1AiKind,
  extra: Partial<Gs1AiDefinition> = {},
) {
  table.set(ai, { ai, title, format, parts: parseFormat(format), kind, ...extra });
}

define('00', 'SSCC', 'N18c', 'id');
define('01', 'GTIN', 'N14c', 'id');
define('02', 'CONTENT', 'N14c', 'id');
define('10', 'BATCH/LOT', 'X..20', 'text');
define('11', 'PROD DATE', 'N6', 'date');
define('12', 'DUE DATE', 'N6', 'date');
define('13', 'PACK DATE', 'N6', 'date');
define('15', 'BEST BEFORE', 'N6', 'date');
define('16', 'SELL BY', 'N6', 'date');
define('17', 'USE BY', 'N6', 'date');
define('20', 'VARIANT', 'N2', 'text');
define('21', 'SERIAL', 'X..20', 'text');
define('22', 'CPV', 'X..20', 'text');
define('240', 'ADDITIONAL ID', 'X..30', 'text');
define('241', 'CUST. PART No.', 'X..30', 'text');
define('250', 'SECONDARY SERIAL', 'X..30', 'text');
define('30', 'VAR. COUNT', 'N..8', 'count');
define('37', 'COUNT', 'N..8', 'count');
define('400', 'ORDER NUMBER', 'X..30', 'text');
define('401', 'GINC', 'X..30', 'text');
define('402', 'GSIN', 'N17c', 'id');
define('403', 'ROUTE', 'X..30', 'text');
const glnTitles = [
  'SHIP TO LOC',
  'BILL TO',
  'PURCHASE FROM',
  'SHIP FOR LOC',
  'LOC No.',
  'PAY TO',
  'PROD/SERV LOC',
  'PARTY',
];
glnTitles.forEach((title, i) => define(`41${i}`, title, 'N13c', 'id'));
define('420', 'SHIP TO POST', 'X..20', 'text');
define('421', 'SHIP TO POST', 'N3+X..9', 'text');
define('422', 'ORIGIN', 'N3', 'text');
define('8003', 'GRAI', 'N14c+X0..16', 'text');
define('8004', 'GIAI', 'X..30', 'text');
define('8020', 'REF No.', 'X..25', 'text');
define('90', 'INTERNAL', 'X..30', 'text');
for (let n = 1; n <= 9; n++) define(`9${n}`, 'INTERNAL', 'X..90', 'text');

/*
 * Trade (net) measures 310–316 and 320–329, logistic (gross) measures 330–336 and 340–349,
 * areas 350–355, volumes 356–369: 6 digits, the 4th AI digit says how many are decimals.
 */
const measures: Record<string, [string, string]> = {
  '310': ['NET WEIGHT (kg)', 'kg'],
  '311': ['LENGTH (m)', 'm'],
  '312': ['WIDTH (m)', 'm'],
  '313': ['HEIGHT (m)', 'm'],
  '314': ['AREA (m²)', 'm2'],
  '315': ['NET VOLUME (l)', 'l'],
  '316': ['NET VOLUME (m³)', 'm3'],
  '320': ['NET WEIGHT (lb)', 'lb'],
  '321': ['LENGTH (in)', 'in'],
  '322': ['LENGTH (ft)', 'ft'],
  '323': ['LENGTH (yd)', 'yd'],
  '324': ['WIDTH (in)', 'in'],
  '325': ['WIDTH (ft)', 'ft'],
  '326': ['WIDTH (yd)', 'yd'],
  '327': ['HEIGHT (in)', 'in'],
  '328': ['HEIGHT (ft)', 'ft'],
  '329': ['HEIGHT (yd)', 'yd'],
  '330': ['GROSS WEIGHT (kg)', 'kg'],
  '331': ['LENGTH (m), log', 'm'],
  '332': ['WIDTH (m), log', 'm'],
  '333': ['HEIGHT (m), log', 'm'],
  '334': ['AREA (m²), log', 'm2'],
  '335': ['VOLUME (l), log', 'l'],
  '336': ['VOLUME (m³), log', 'm3'],
  '337': ['KG PER m²', 'kg/m2'],
  '340': ['GROSS WEIGHT (lb)', 'lb'],
  '350': ['AREA (in²)', 'in2'],
  '351': ['AREA (ft²)', 'ft2'],
  '356': ['NET WEIGHT (t oz)', 'ozt'],
  '357': ['NET VOLUME (oz)', 'floz'],
  '360': ['NET VOLUME (qt)', 'qt'],
  '361': ['NET VOLUME (gal.)', 'gal'],
};
for (const [prefix, [title, unit]] of Object.entries(measures)) {
  for (let decimals = 0; decimals <= 5; decimals++) {
    define(`${prefix}${decimals}`, title, 'N6', 'measure', { unit, decimals });
  }
}
for (let decimals = 0; decimals <= 9; decimals++) {
  define(`390${decimals}`, 'AMOUNT', 'N..15', 'amount', { decimals });
  define(`391${decimals}`, 'AMOUNT', 'N3+N..15', 'amountIso', { decimals });
  define(`392${decimals}`, 'PRICE', 'N..15', 'amount', { decimals });
  define(`393${decimals}`, 'PRICE', 'N3+N..15', 'amountIso', { decimals });
}

/**
 * AIs whose length GS1 fixed in advance (General Specifications figure 7.8.5-2): after these
 * no separator is needed. Every other AI ends with GS unless it ends the data.
 */
const predefinedLength = [
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
];

export function hasPredefinedLength(ai: string): boolean {
  return predefinedLength.some((prefix) => ai.startsWith(prefix));
}

/** The definition of the AI that starts `data` at `index`, trying 2, 3 and 4 digits. */
export function gs1AiAt(data: string, index: number): Gs1AiDefinition | undefined {
  for (const length of [2, 3, 4]) {
    const definition = table.get(data.slice(index, index + length));
    if (definition) return definition;
  }
  return undefined;
}

export function gs1Ai(ai: string): Gs1AiDefinition | undefined {
  return table.get(ai);
}

/** Fixed total length of the AI's data, or undefined when it ends at a separator. */
export function fixedDataLength(definition: Gs1AiDefinition): number | undefined {
  return definition.parts.every((p) => p.min === p.max)
    ? definition.parts.reduce((n, p) => n + p.max, 0)
    : undefined;
}
