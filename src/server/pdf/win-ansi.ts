/*
 * PDF's standard fonts (Helvetica here) draw only the WinAnsi (Windows-1252) repertoire: ASCII,
 * Latin-1 (à è é ì ò ù, ß, ñ…) and 27 more (€, Œ, Š, curly quotes, dashes…). That covers Italian
 * and most western European names; pdf-lib throws on anything else. Rather than fail a label
 * for a "Łukasz" or print garbage, text is made encodable first:
 *   1. a letter with a diacritic WinAnsi lacks loses the diacritic ("Ş" → "S", "ő" → "o"),
 *   2. a few letters without a decomposition are spelled out ("Ł" → "L", "đ" → "d"),
 *   3. dashes, quotes and spaces outside the set become their nearest ASCII,
 *   4. anything left (CJK, emoji…) becomes "?", so the loss is visible, never silent garbage.
 * unencodableCharacters() tells the caller beforehand which characters will change, so the pack
 * screen can warn and the associate can fix the address.
 */

const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.includes(char);
}

const spelledOut: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  ĸ: 'k',
  ſ: 's',
  Ə: 'E',
  ə: 'e',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
};

function replacementOf(char: string): string {
  if (isWinAnsi(char)) return char;
  const named = spelledOut[char];
  if (named !== undefined) return named;
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base.length > 0 && [...base].every(isWinAnsi)) return base;
  return '?';
}

/** The text with every character WinAnsi can encode, following the rules above. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += replacementOf(char);
  return out;
}

/** The distinct characters of text that toWinAnsi would change or drop to "?". */
export function unencodableCharacters(text: string): string[] {
  return [...new Set([...text.normalize('NFC')].filter((char) => !isWinAnsi(char)))];
}
