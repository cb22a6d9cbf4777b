import { expect, it } from 'vitest';
import { expandUpcE } from './upc-e';

it('expands each UPC-E pattern to its UPC-A', () => {
  expect(expandUpcE('01234505')).toBe('012000003455');
  expect(expandUpcE('01234535')).toBe('012300000455');
  expect(expandUpcE('01234545')).toBe('012340000055');
  expect(expandUpcE('01234565')).toBe('012345000065');
  expect(expandUpcE('12345678')).toBe('123456000078');
  expect(expandUpcE('21234565')).toBeUndefined();
  expect(expandUpcE('0123456')).toBeUndefined();
});
