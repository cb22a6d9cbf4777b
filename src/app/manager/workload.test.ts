import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../contract/orders';
import { workloadOf } from './workload';

const anna = { id: 'a1', employeeId: '1001', name: 'Anna Bianchi', role: 'associate' as const };
const marco = { id: 'a2', employeeId: '1002', name: 'Marco Rossi', role: 'associate' as const };

function order(overrides: Partial<QueueItem>): QueueItem {
  return {
    id: Math.random().toString(36),
    number: 'W1',
    channel: 'web',
    fulfillmentType: 'pickup',
    status: 'new',
    placedAt: '2026-11-22T08:00:00Z',
    promisedAt: '2026-11-22T10:00:00Z',
    customerName: 'Giulia Verdi',
    lineCount: 1,
    unitCount: 3,
    pickedUnits: 0,
    claimedBy: null,
    stagingLocation: null,
    assignedTo: null,
    ...overrides,
  };
}

describe('workloadOf', () => {
  it('counts claimed and assigned orders and units left, and the work nobody has', () => {
    const rows = workloadOf(
      [anna, marco],
      [
        order({ status: 'picking', claimedBy: { id: 'a1', name: anna.name }, pickedUnits: 1 }),
        order({ assignedTo: { id: 'a1', name: anna.name }, unitCount: 2 }),
        // Assigned to Marco but Anna claimed it: her units, his assignment.
        order({
          status: 'picking',
          claimedBy: { id: 'a1', name: anna.name },
          assignedTo: { id: 'a2', name: marco.name },
          unitCount: 4,
        }),
        order({ unitCount: 5 }),
        order({ status: 'ready', assignedTo: { id: 'a2', name: marco.name } }),
      ],
    );
    expect(rows).toEqual([
      { id: 'a1', name: anna.name, claimed: 2, assigned: 1, unitsToPick: 8 },
      { id: 'a2', name: marco.name, claimed: 0, assigned: 1, unitsToPick: 0 },
      { id: null, name: '', claimed: 0, assigned: 1, unitsToPick: 5 },
    ]);
  });
});
