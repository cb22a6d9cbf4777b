import type { SyncOrder } from '../contract/sync';
import { parseGtin } from '../domain/gtin';
import { heldSubstitutes } from '../domain/order-stock';
import { needsPutBack } from '../domain/put-back';
import type { OutboxRecord } from './outbox-record';
import { needsAttention } from './outbox-record';

type Line = SyncOrder['lines'][number];

export interface PutBackItem {
  line: Line;
  units: number;
  /** The line's kept substitute goes back, not its ordered product. */
  substitute?: NonNullable<Line['substitute']>;
}

export interface PutBackTask {
  items: PutBackItem[];
  /** The server counts picked units: an order.putBack must tell it they are back. */
  serverHasPicked: boolean;
}

/**
 * What goes back to the shelves for an order that ended before reaching its customer: the
 * units the server counts as picked, plus those of this device's picks the server refused or
 * never ran because an earlier refusal blocked them: either way the associate holds those
 * units; and the kept substitutes, under their own product. Null when there is nothing to put back.
 */
export function putBackTask(
  server: SyncOrder,
  view: SyncOrder,
  records: readonly OutboxRecord[],
): PutBackTask | null {
  if (view.status !== 'cancelled' && view.status !== 'expired') return null;
  if (view.putBackAt) return null;
  const serverHasPicked = needsPutBack(server, server.lines);
  const refused = new Map<string, number>();
  for (const r of records) {
    // needsAttention: rejected or blocked, and not decided on yet (a put-back resolves them).
    if (r.name !== 'pick.confirm' || r.args.orderId !== server.id || !needsAttention(r)) continue;
    const parsed = parseGtin(String(r.args.code));
    if (!parsed.ok) continue;
    refused.set(parsed.gtin14, (refused.get(parsed.gtin14) ?? 0) + Number(r.args.qty));
  }
  const items = server.lines
    .map((line) => ({ line, units: line.qtyPicked + (refused.get(line.gtin14) ?? 0) }))
    .filter((item) => item.units > 0);
  // A refused unit counts once, even when two lines share the product.
  for (const gtin of refused.keys()) {
    const sharing = items.filter((item) => item.line.gtin14 === gtin);
    for (const extra of sharing.slice(1)) extra.units -= refused.get(gtin) ?? 0;
  }
  const substitutes = heldSubstitutes(server.lines).flatMap((held) => {
    const line = server.lines.find((l) => l.id === held.lineId);
    return line?.substitute ? [{ line, units: held.qty, substitute: line.substitute }] : [];
  });
  const kept = [...items.filter((item) => item.units > 0), ...substitutes];
  return kept.length > 0 ? { items: kept, serverHasPicked } : null;
}
