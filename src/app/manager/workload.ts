import type { StoreAssociate } from '../../contract/manager';
import type { QueueItem } from '../../contract/orders';

export interface WorkloadRow {
  id: string | null;
  name: string;
  claimed: number;
  assigned: number;
  unitsToPick: number;
}

const toPick = (order: QueueItem) => order.status === 'new' || order.status === 'picking';
const unitsLeft = (order: QueueItem) => Math.max(0, order.unitCount - order.pickedUnits);

/**
 * Who is doing what: per associate, the orders they are picking (claimed), the orders assigned
 * to them and not picked yet, and the units left to pick in those. An order counts for its
 * picker, else for its assignee; the last row is the work nobody has: neither claimed nor assigned.
 */
export function workloadOf(
  associates: readonly StoreAssociate[],
  orders: readonly QueueItem[],
): WorkloadRow[] {
  const open = orders.filter(toPick);
  const rows: WorkloadRow[] = associates.map((associate) => ({
    id: associate.id,
    name: associate.name,
    claimed: open.filter((o) => o.status === 'picking' && o.claimedBy?.id === associate.id).length,
    assigned: open.filter((o) => o.assignedTo?.id === associate.id).length,
    unitsToPick: open
      .filter((o) => (o.claimedBy ? o.claimedBy.id === associate.id : o.assignedTo?.id === associate.id))
      .reduce((sum, o) => sum + unitsLeft(o), 0),
  }));
  const nobody = open.filter((o) => !o.claimedBy && !o.assignedTo);
  rows.push({
    id: null,
    name: '',
    claimed: 0,
    assigned: nobody.length,
    unitsToPick: nobody.reduce((sum, o) => sum + unitsLeft(o), 0),
  });
  return rows;
}
