import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import {
  formatGs1ElementString,
  formatGs1Hri,
  GS,
  gs1ErrorCodes,
  parseGs1Elements,
} from './gs1-element-string';

const year = { referenceYear: 2025 };
const parse = (text: string) => parseGs1Elements(text, year);
const pairs = (text: string) => parse(text).elements.map((e) => [e.ai, e.value]);

describe('parseGs1Elements: the forms decoders return', () => {
  it('reads the bracketed human-readable form', () => {
    expect(pairs('(01)09506000134352(17)201225(10)ABC123')).toEqual([
      ['01', '09506000134352'],
      ['17', '2020-12-25'],
      ['10', 'ABC123'],
    ]);
  });

  it('reads GS1-128 with its ]C1 identifier, no GS needed after fixed-length fields', () => {
    expect(parse(']C1011234567890123110ABC123')).toEqual({
      symbologyId: ']C1',
      elements: [
        { ai: '01', title: 'GTIN', raw: '12345678901231', value: '12345678901231' },
        { ai: '10', title: 'BATCH/LOT', raw: 'ABC123', value: 'ABC123' },
      ],
    });
  });

  it('reads a real product: GTIN, best before and lot, no separators', () => {
    // Norwegian product, from the biip parser's fixtures
    expect(pairs('010703206980498815210526100329')).toEqual([
      ['01', '07032069804988'],
      ['15', '2021-05-26'],
      ['10', '0329'],
    ]);
  });

  it('reads GS1 DataMatrix with GS after a variable-length field', () => {
    const text = `]d2010950600013435217201225${'10ABC123'}${GS}21XYZ789`;
    expect(parse(text).symbologyId).toBe(']d2');
    expect(pairs(text)).toEqual([
      ['01', '09506000134352'],
      ['17', '2020-12-25'],
      ['10', 'ABC123'],
      ['21', 'XYZ789'],
    ]);
  });

  it('reads GS1 QR (]Q3) and GS1 DataBar (]e0)', () => {
    expect(pairs(']Q30109506000134352')).toEqual([['01', '09506000134352']]);
    expect(pairs(']e00195012345678903')).toEqual([['01', '95012345678903']]);
  });

  it('ignores a leading GS (FNC1 in first position sent as GS) and a trailing one', () => {
    expect(pairs(`${GS}0109506000134352${GS}`)).toEqual([['01', '09506000134352']]);
  });

  it('tolerates a GS after a fixed-length field', () => {
    expect(pairs(`0109506000134352${GS}10ABC123`)).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
    ]);
  });

  it('keeps brackets inside data in the bracketed form', () => {
    expect(pairs('(10)LOT(A)7(21)S1')).toEqual([
      ['10', 'LOT(A)7'],
      ['21', 'S1'],
    ]);
  });
});

describe('parseGs1Elements: typed values', () => {
  it('reads an SSCC with its check digit (GS1 General Specifications example)', () => {
    expect(pairs(']C100006141411234567890')).toEqual([['00', '006141411234567890']]);
  });

  it('places the decimal point of measures from the AI’s last digit', () => {
    const elements = parse('(01)95012345678903(3103)000123(3102)001250(3300)000042(3151)012345').elements;
    expect(elements.map((e) => [e.ai, e.value, e.unit])).toEqual([
      ['01', '95012345678903', undefined],
      ['3103', 0.123, 'kg'],
      ['3102', 12.5, 'kg'],
      ['3300', 42, 'kg'],
      ['3151', 1234.5, 'l'],
    ]);
  });

  it('reads counts as numbers', () => {
    expect(pairs(`(02)10614141007346(37)12`)).toEqual([
      ['02', '10614141007346'],
      ['37', 12],
    ]);
  });

  it('reads amounts, with the ISO 4217 currency where the AI has one', () => {
    expect(pairs('(3922)1250')).toEqual([['3922', { amount: 12.5, currency: null, currencyNumeric: null }]]);
    expect(pairs('(3932)9781250')).toEqual([
      ['3932', { amount: 12.5, currency: 'EUR', currencyNumeric: '978' }],
    ]);
    // A payment slip: pay-to GLN, amount in rand (710) with one decimal, slip reference
    expect(pairs(`4155412345678908391171012${'5'}${GS}802012345`)).toEqual([
      ['415', '5412345678908'],
      ['3911', { amount: 12.5, currency: 'ZAR', currencyNumeric: '710' }],
      ['8020', '12345'],
    ]);
  });

  it('reads logistics AIs: GLNs, postal codes, country, GRAI, internal', () => {
    expect(
      pairs(
        '(410)0614141000005(420)20121(421)38020121(422)380(8003)03870585000552987(8004)AIS-CAGE-7(90)RET-42(91)X',
      ),
    ).toEqual([
      ['410', '0614141000005'],
      ['420', '20121'],
      ['421', '38020121'],
      ['422', '380'],
      ['8003', '03870585000552987'],
      ['8004', 'AIS-CAGE-7'],
      ['90', 'RET-42'],
      ['91', 'X'],
    ]);
  });

  it('keeps one copy of an AI repeated with the same data', () => {
    expect(pairs('(10)A1(10)A1')).toEqual([['10', 'A1']]);
  });
});

describe('parseGs1Elements: errors', () => {
  const code = (text: string) => domainErrorOf(() => parse(text)).code;

  it.each([
    ['a GTIN with a wrong check digit', '(01)09506000134353'],
    ['an SSCC with a wrong check digit', '(00)006141411234567891'],
    ['a GLN with a wrong check digit', '(410)0614141000006'],
    ['a GRAI with a wrong check digit', '(8003)03870585000553'],
  ])('refuses %s as gs1.badCheckDigit', (_label, text) => {
    expect(code(text)).toBe(gs1ErrorCodes.badCheckDigit);
  });

  it.each([
    ['13 digits for a GTIN', '(01)0950600013435'],
    ['a raw GTIN cut short', ']C101095060001343'],
    ['21 characters of batch', '(10)ABCDEFGHIJKLMNOPQRSTU'],
    ['an empty batch', '(10)(21)X'],
    ['a short date', '(17)20122'],
  ])('refuses %s as gs1.badLength', (_label, text) => {
    expect(code(text)).toBe('gs1.badLength');
  });

  it.each([
    ['13 February 2020 written as month 13', '(17)201302'],
    ['29 February in a common year', '(15)270229'],
  ])('refuses %s as gs1.badDate', (_label, text) => {
    expect(code(text)).toBe('gs1.badDate');
  });

  it('reports a variable-length field that runs past its maximum as a missing separator', () => {
    // Batch "BATCH2024-0042", then serial (21): without GS the batch swallows the serial.
    expect(code(`]C110BATCH2024-0042210000123456789`)).toBe(gs1ErrorCodes.missingSeparator);
  });

  it('refuses characters outside GS1 character set 82, and letters in numeric fields', () => {
    expect(code('(10)ABC#1')).toBe('gs1.badCharacter');
    expect(code('(10)CAFÉ')).toBe('gs1.badCharacter');
    expect(code('(30)12A')).toBe('gs1.badCharacter');
  });

  it('refuses AIs it does not know, where nothing after can be read', () => {
    expect(code('(23)12345')).toBe(gs1ErrorCodes.unknownAi);
    expect(code('(AB)(01)09506000134352')).toBe('gs1.unknownAi');
    expect(code(']C10109506000134352' + '2312345')).toBe('gs1.unknownAi');
  });

  it('refuses an AI repeated with different data', () => {
    expect(code('(17)201225(17)211225')).toBe('gs1.duplicateAi');
  });

  it('refuses the identifiers of symbols that carry no GS1 data', () => {
    expect(code(']C00109506000134352')).toBe(gs1ErrorCodes.notGs1); // plain Code 128
    expect(code(']Q10109506000134352')).toBe('gs1.notGs1'); // plain QR
    expect(code(']E09506000134352')).toBe('gs1.notGs1'); // EAN-13
  });

  it('refuses nothing but an identifier or separators', () => {
    expect(code(']C1')).toBe('gs1.empty');
    expect(code(GS)).toBe('gs1.empty');
  });
});

describe('formatGs1ElementString and formatGs1Hri', () => {
  it('puts GS only after fields whose length GS1 did not predefine, never at the end', () => {
    const text = formatGs1ElementString([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['17', '201225'],
      ['21', 'XYZ789'],
    ]);
    expect(text).toBe(`0109506000134352${'10ABC123'}${GS}1720122521XYZ789`);
    expect(formatGs1Hri(parse(text).elements)).toBe('(01)09506000134352(10)ABC123(17)201225(21)XYZ789');
  });

  it('round-trips through the parser (SSCC, GSIN and net weight: GS after the GSIN only)', () => {
    const source: [string, string][] = [
      ['00', '006141411234567890'],
      ['402', '95012345678901237'],
      ['3103', '000123'],
    ];
    const text = formatGs1ElementString(source);
    expect(text).toBe(`00006141411234567890${'40295012345678901237'}${GS}3103000123`);
    const parsed = parse(text).elements.map((e) => [e.ai, e.raw]);
    expect(parsed).toEqual(source);
  });
});
