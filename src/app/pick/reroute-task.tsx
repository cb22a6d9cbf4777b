import { useState } from 'react';
import type { ProductAvailability } from '../../contract/stock';
import type { SyncOrder } from '../../contract/sync';
import { canResolveShort, canRerouteShort, proposeReroute } from '../../domain/reroute';
import { enqueueCommand } from '../../local-db/enqueue';
import { searchStock } from '../../sync/stock-lookup';
import { lineName } from '../common/localized';
import { useActor } from '../common/use-actor';
import { useOnline } from '../common/use-connectivity';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';

type Line = SyncOrder['lines'][number];
type Other = ProductAvailability['others'][number];

const lineState = (line: Line) => ({
  qtyShort: line.qtyShort,
  reroutedTo: line.reroutedTo?.orderId ?? null,
  customerNotified: line.customerNotified ?? false,
  substitute: line.substitute ?? null,
});

/**
 * Short pick, then re-route: each line with short units is offered once to another store (the
 * nearest that has them all) or cancelled with the customer told. Shown whatever the order's
 * status, since the last short usually ends the pick; once the order is staged its removed units
 * were refunded, so they are no longer offered to another store.
 */
export function RerouteTask({ order }: { order: SyncOrder }) {
  const { t } = useI18n();
  const short = order.lines.filter((line) => line.qtyShort > 0);
  if (short.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="reroute-title">
      <h2 id="reroute-title" className="section-title">
        {t('reroute.find')}
      </h2>
      <ul className="stack">
        {short.map((line) => (
          <ShortLine key={line.id} order={order} line={line} />
        ))}
      </ul>
    </section>
  );
}

function ShortLine({ order, line }: { order: SyncOrder; line: Line }) {
  const { t, language } = useI18n();
  const actor = useActor();
  const online = useOnline();
  const [proposal, setProposal] = useState<Other | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [movingTo, setMovingTo] = useState<string | null>(null);
  const name = lineName(line, language);

  let status: string | null = null;
  if (line.reroutedTo) {
    status = line.reroutedTo.orderNumber
      ? t('reroute.moved', { store: line.reroutedTo.storeName, number: line.reroutedTo.orderNumber })
      : t('reroute.moving', { store: movingTo ?? line.reroutedTo.storeName });
  } else if (line.customerNotified) {
    status = t('reroute.cancelled');
  }
  if (status || !canResolveShort(lineState(line))) {
    return (
      <li>
        <p>
          <strong>{name}</strong>
        </p>
        <p role="status">{status}</p>
      </li>
    );
  }

  // Staging refunded the removed units (ADR 0046): they can only be cancelled now.
  const movable = canRerouteShort(order, lineState(line));
  const find = async () => {
    setBusy(true);
    setError(null);
    try {
      const found = await searchStock(actor.storeId, line.sku);
      const others = (found.value.availability?.others ?? []).map((o) => ({ ...o, storeId: o.store.id }));
      setProposal(proposeReroute(others, line.qtyShort));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const confirm = (to: Other) => {
    setError(null);
    setMovingTo(to.store.name);
    enqueueCommand({
      name: 'order.reroute',
      args: { rerouteId: crypto.randomUUID(), orderId: order.id, lineId: line.id, toStoreId: to.store.id },
      actor,
    }).catch(setError);
  };
  const cancelLine = () => {
    setError(null);
    enqueueCommand({ name: 'order.cancelLine', args: { orderId: order.id, lineId: line.id }, actor }).catch(
      setError,
    );
  };

  return (
    <li className="stack">
      <p>
        <strong>{name}</strong> ·{' '}
        {t('line.shortDone', { qty: line.qtyShort, reason: t(`reason.${line.shortReason ?? 'other'}`) })}
      </p>
      {movable ? null : <p role="status">{t('reroute.refundedAtStaging')}</p>}
      {movable && !online ? <p>{t('reroute.offline')}</p> : null}
      {movable && online && proposal === undefined ? (
        <Button variant="secondary" onClick={find} disabled={busy}>
          {busy ? t('reroute.searching') : t('reroute.find')}
        </Button>
      ) : null}
      {proposal === null ? <p role="status">{t('reroute.none', { qty: line.qtyShort })}</p> : null}
      {proposal ? (
        <div className="stack">
          <p role="status">
            {t('reroute.proposal', {
              qty: line.qtyShort,
              store: proposal.store.name,
              distance: proposal.distanceKm.toLocaleString(language, { maximumFractionDigits: 1 }),
              available: proposal.available,
            })}
          </p>
          <Button variant="primary" onClick={() => confirm(proposal)}>
            {t('reroute.confirm')}
          </Button>
        </div>
      ) : null}
      <Button variant="ghost" onClick={cancelLine}>
        {t('reroute.cancelLine')}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </li>
  );
}

/** The other orders of the customer's journey, e.g. the one a short line moved to. */
export function JourneyNote({ order }: { order: SyncOrder }) {
  const { t } = useI18n();
  if (!order.journey || order.journey.length === 0) return null;
  return (
    <ul className="card stack">
      {order.journey.map((other) => (
        <li key={other.id}>
          {t('reroute.journey', {
            number: other.number,
            store: other.storeName,
            status: t(`status.${other.status}`),
          })}
        </li>
      ))}
    </ul>
  );
}
