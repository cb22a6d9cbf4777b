import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('encodeBase64Url', () => {
  it.each([
    // RFC 4648 §10 test vectors, without padding
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j', (text, encoded) => {
    expect(encodeBase64Url(ascii(text))).toBe(encoded);
    expect(decodeBase64Url(encoded)).toEqual(ascii(text));
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(encodeBase64Url(bytes(0xfb, 0xff))).toBe('-_8');
    expect(decodeBase64Url('-_8')).toEqual(bytes(0xfb, 0xff));
  });

  it('round-trips every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(decodeBase64Url(encodeBase64Url(all))).toEqual(all);
    expect(encodeBase64Url(new Uint8Array(64))).toHaveLength(86);
  });
});

describe('decodeBase64Url', () => {
  it.each([
    ['padding', 'Zg=='],
    ['standard base64 characters', '+/8'],
    ['an impossible length', 'Zm9vY'],
    ['a space', 'Zm 9v'],
    ['non-zero overhanging bits (a second spelling of "f")', 'Zh'],
  ])('refuses %s', (_label, text) => {
    expect(decodeBase64Url(text)).toBeUndefined();
  });
});
