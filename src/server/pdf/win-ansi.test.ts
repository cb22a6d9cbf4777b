import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isWinAnsi, toWinAnsi, unencodableCharacters } from './win-ansi';

describe('toWinAnsi', () => {
  it('keeps Italian accents, the euro sign and typographic quotes as they are', () => {
    const italian = 'Niccolò, Città, perché, più, È, ’ “€ 12,50”, – —';
    expect(toWinAnsi(italian)).toBe(italian);
    expect(unencodableCharacters(italian)).toEqual([]);
  });

  it('drops diacritics WinAnsi lacks and spells out letters that have none', () => {
    expect(toWinAnsi('Łukasz Dvořák, Şişli, Őry, Đorđe')).toBe('Lukasz Dvorák, Sisli, Ory, Dorde');
  });

  it('composes decomposed input first, so a combining accent is not lost', () => {
    expect(toWinAnsi('Citta\u0300')).toBe('Città');
  });

  it('marks what cannot be written with "?", and says which characters those are', () => {
    expect(toWinAnsi('東京 Tower 🚚')).toBe('?? Tower ?');
    expect(unencodableCharacters('Łódź 東')).toEqual(['Ł', 'ź', '東']);
  });

  it('turns line breaks and tabs into spaces', () => {
    expect(toWinAnsi('Via Roma 1\nint. 3\t')).toBe('Via Roma 1 int. 3 ');
  });

  it('agrees with pdf-lib on what Helvetica can encode', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const encodable = (char: string) => {
      try {
        font.encodeText(char);
        return true;
      } catch {
        return false;
      }
    };
    for (let code = 0x20; code <= 0x2200; code++) {
      const char = String.fromCodePoint(code);
      if (isWinAnsi(char)) expect(encodable(char), char).toBe(true);
      // The reverse need not hold (pdf-lib maps a few extra aliases); ours is the safe set.
    }
    expect(() => font.encodeText(toWinAnsi('Łódź 東京 🚚'))).not.toThrow();
  });
});
