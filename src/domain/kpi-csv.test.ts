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

  it('defuses every formula trigger OWASP lists, and the ones spreadsheets reach past blanks', () => {
    const triggers = [
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '\n=1',
      '\tplain',
      '\rplain',
      '\nplain',
      ' =1+1',
      '   +cmd',
      '\u00a0=1',
      '\u3000=1',
      '\u200b=1',
      '\ufeff@x',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      ' ＝cmd',
      '﹦1',
      '﹢1',
      '﹣1',
      '﹫x',
    ];
    for (const text of triggers) {
      const cell = csvField(text);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted, JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['Giulia Rossi', 'MI01-A03', 'a=b', 'x-1', 'mail@example.it', '', '1001', ' Rossi']) {
      expect(csvField(text)).toBe(text);
    }
  });

  it('keeps a defused formula in one cell even with separators inside', () => {
    expect(toCsv([[' =1,2;3', 'next']])).toBe(`${CSV_BOM}"' =1,2;3",next\r\n`);
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
