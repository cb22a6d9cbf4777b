import { describe, expect, it } from 'vitest';
import { applyCommand } from './overlay';
import { A, cmd, LINE_1, order } from './testing/order-fixture';

// The id the device makes for the order the units become (its external id derives from it).
const rerouteId = '6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';

const shortOrder = () =>
  applyCommand(
    applyCommand(order(), cmd('order.claim', {})),
    cmd('pick.short', { lineId: LINE_1, qty: 1, reason: 'not_found' }),
  );

describe('order.reroute and order.cancelLine on the device', () => {
  it('shows the line moving to the other store at once, and offers it only once', () => {
    const moved = applyCommand(
      shortOrder(),
      cmd('order.reroute', { rerouteId, lineId: LINE_1, toStoreId: 'MI02' }),
    );
    expect(moved.lines[0]?.reroutedTo).toMatchObject({ storeId: 'MI02', orderNumber: '' });
    expect(() => applyCommand(moved, cmd('order.cancelLine', { lineId: LINE_1 }))).toThrow(
      expect.objectContaining({ code: 'reroute.nothingToResolve' }),
    );
  });

  it('marks a cancelled line as told, and refuses a line with nothing short', () => {
    const told = applyCommand(shortOrder(), cmd('order.cancelLine', { lineId: LINE_1 }));
    expect(told.lines[0]?.customerNotified).toBe(true);
    const fresh = order({ status: 'picking', claimedBy: { id: A, name: 'Tommaso' } });
    expect(() =>
      applyCommand(fresh, cmd('order.reroute', { rerouteId, lineId: LINE_1, toStoreId: 'MI02' })),
    ).toThrow(expect.objectContaining({ code: 'reroute.nothingToResolve' }));
  });
});
