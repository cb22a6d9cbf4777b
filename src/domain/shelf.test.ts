import { describe, expect, it } from 'vitest';
import { occupantsOf, shelfRoom } from './shelf';

describe('shelfRoom', () => {
  it('a shelf for one order is free when empty and full with one', () => {
    expect(shelfRoom({ capacity: 1, orderIds: [] })).toEqual({ state: 'free', free: 1 });
    expect(shelfRoom({ capacity: 1, orderIds: ['a'] })).toEqual({ state: 'full', occupied: 1, capacity: 1 });
  });

  it('a locker for three has room until the third', () => {
    expect(shelfRoom({ capacity: 3, orderIds: ['a', 'b'] })).toEqual({ state: 'free', free: 1 });
    expect(shelfRoom({ capacity: 3, orderIds: ['a', 'b', 'c'] }).state).toBe('full');
  });

  it('an order already on the shelf does not take a place from itself', () => {
    expect(shelfRoom({ capacity: 1, orderIds: ['a'] }, 'a')).toEqual({ state: 'free', free: 1 });
  });
});

describe('occupantsOf', () => {
  it('counts what was read, then what the running commands did', () => {
    const held = [
      { id: 'b', status: 'collected', stagingLocation: 'MI01-A01' }, // handed over meanwhile
      { id: 'c', status: 'ready', stagingLocation: 'MI01-A01' }, // staged meanwhile
      { id: 'd', status: 'ready', stagingLocation: 'MI01-A02' }, // elsewhere
    ];
    expect(occupantsOf('MI01-A01', ['a', 'b'], held)).toEqual(['a', 'c']);
  });
});
