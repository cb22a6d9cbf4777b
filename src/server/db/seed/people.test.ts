import { describe, expect, it } from 'vitest';
import { randomCustomer, seedAssociates } from './people';
import { createRng } from './random';
import { seedStores } from './stores';

describe('seedAssociates', () => {
  const staff = seedStores.flatMap((_, i) => seedAssociates(i, createRng(100 + i)));

  it('gives each store one manager and four associates with chain-wide unique ids', () => {
    expect(staff).toHaveLength(seedStores.length * 5);
    expect(new Set(staff.map((a) => a.employeeId)).size).toBe(staff.length);
    const first = seedAssociates(0, createRng(1));
    expect(first.map((a) => a.employeeId)).toEqual(['1000', '1001', '1002', '1003', '1004']);
    expect(first.map((a) => a.role)).toEqual(['manager', 'associate', 'associate', 'associate', 'associate']);
    expect(seedAssociates(11, createRng(1))[0]?.employeeId).toBe('12000');
  });

  it('uses the documented demo PINs', () => {
    for (const a of staff) expect(a.pin).toBe(a.role === 'manager' ? '9999' : '1234');
  });

  it('names people uniquely within a store and deterministically', () => {
    for (let i = 0; i < seedStores.length; i++) {
      const names = seedAssociates(i, createRng(i)).map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(seedAssociates(2, createRng(9))).toEqual(seedAssociates(2, createRng(9)));
  });
});

describe('randomCustomer', () => {
  const rng = createRng(77);
  const customers = Array.from({ length: 2000 }, () => randomCustomer(rng));

  it('uses only reserved example domains and plain ASCII e-mails', () => {
    for (const c of customers) {
      expect(c.email).toMatch(/^[a-z]+(\.[a-z]+)+\d*@example\.(com|it)$/);
      expect(c.name).toMatch(/^\S+ \S/);
    }
  });

  it('gives Italian mobile numbers in E.164', () => {
    for (const c of customers) expect(c.phone).toMatch(/^\+393\d{9}$/);
  });

  it('makes about 15% English-speaking tourists', () => {
    const en = customers.filter((c) => c.language === 'en').length / customers.length;
    expect(en).toBeGreaterThan(0.1);
    expect(en).toBeLessThan(0.2);
    expect(customers.every((c) => c.language === 'it' || c.language === 'en')).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = createRng(5);
    const b = createRng(5);
    expect(randomCustomer(a)).toEqual(randomCustomer(b));
  });
});
