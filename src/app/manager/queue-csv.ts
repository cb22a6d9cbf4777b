import type { QueueItem } from '../../contract/orders';
import { toCsv } from '../../domain/kpi-csv';
import { slaFor } from '../common/sla';

/** The queue as the manager sees it, for a spreadsheet (columns in English, like the API's). */
export function queueCsv(orders: readonly QueueItem[], now: number): string {
  return toCsv([
    [
      'order',
      'customer',
      'type',
      'status',
      'promised_at',
      'sla',
      'minutes_left',
      'units',
      'picked',
      'claimed_by',
      'assigned_to',
    ],
    ...orders.map((order) => {
      const sla = slaFor(order, now);
      return [
        order.number,
        order.customerName,
        order.fulfillmentType,
        order.status,
        order.promisedAt,
        sla?.state ?? '',
        sla ? Math.round(sla.remainingMs / 60_000) : null,
        order.unitCount,
        order.pickedUnits,
        order.claimedBy?.name ?? '',
        order.assignedTo?.name ?? '',
      ];
    }),
  ]);
}
