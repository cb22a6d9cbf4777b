import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, toCsv } from './kpi-csv';

describe('csv', () => {
  it('quotes separators, semicolons, quotes and line breaks', () => {
    expect(csvField('Rossi, Mario')).toBe('"Rossi, Mario"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('Però')).toBe('Però');
  });

  it('keeps numbers as numbers and defuses formulas in text', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(null)).toBe('');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  it('starts with a byte-order mark and ends rows with CRLF', () => {
    const csv = toCsv([
      ['a', 1],
      ['b', 2],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('a,1\r\nb,2\r\n');
  });
});
