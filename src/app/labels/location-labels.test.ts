import { describe, expect, it } from 'vitest';
import { parseLocationLabel } from '../../domain/location-label';
import { bayLabels, stagingLabels } from './location-labels';

describe('location labels', () => {
  it('encodes staging locations and stock bays in the label format a scan reads back', () => {
    const staging = stagingLabels('MI01', [
      { code: 'MI01-A03', label: 'Shelf A03', kind: 'shelf', capacity: 1 },
      { code: 'MI01-L06', label: 'Locker L06', kind: 'locker', capacity: 1 },
    ]);
    expect(staging.map((label) => label.encoded)).toEqual(['LOC:MI01:STG:MI01-A03', 'LOC:MI01:STG:MI01-L06']);
    expect(parseLocationLabel(staging[1]!.encoded)).toEqual(staging[1]!.location);

    const bays = bayLabels('MI01', [{ aisle: 'A01', bay: '03' }]);
    expect(bays).toEqual([
      {
        key: 'A01-03',
        encoded: 'LOC:MI01:BAY:A01-03',
        location: { kind: 'stock', storeCode: 'MI01', aisle: 'A01', bay: '03' },
      },
    ]);
  });

  it('leaves off a place the label format cannot carry, rather than print a wrong label', () => {
    expect(
      stagingLabels('MI01', [{ code: 'shelf 3', label: 'Shelf 3', kind: 'shelf', capacity: 1 }]),
    ).toEqual([]);
    expect(bayLabels('MI01', [{ aisle: 'A-1', bay: '03' }])).toEqual([]);
  });
});
