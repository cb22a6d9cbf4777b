import { describe, expect, it } from 'vitest';
import { makeErrorText, makeFormatters, makeRt, makeRtp } from './returns-i18n';

describe('the return counter’s words', () => {
  const rt = makeRt('it');
  const t = (key: string) => `app:${key}`;

  it('word its own error codes, and leave the others to the app’s dictionary', () => {
    const errorText = makeErrorText(rt, t as never);
    expect(errorText({ code: 'returnOverride.notOverridable' })).toMatch(
      /^Alcuni pezzi non si possono riprendere/,
    );
    expect(errorText({ code: 'auth.badCredentials' })).toBe('app:errors.generic');
    expect(errorText(new Error('boom'))).toBe('app:errors.generic');
  });

  it('count in the language’s plural forms', () => {
    const rtp = makeRtp('it', rt);
    expect(rtp('find.units', 1)).toBe('1 articolo');
    expect(rtp('find.units', 3)).toBe('3 articoli');
  });

  it('format money and dates in the UI language', () => {
    expect(makeFormatters('it-IT').money(12_345, 'EUR')).toBe('123,45\u00a0€');
    expect(makeFormatters('en-GB').money(12_345, 'EUR')).toBe('€123.45');
    expect(makeFormatters('en-GB').day('2026-11-16')).toBe('16 Nov 2026');
  });
});
