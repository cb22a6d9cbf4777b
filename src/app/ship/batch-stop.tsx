import { useId } from 'react';
import type { BatchStop as Stop } from '../../domain/batch-pick';
import { remaining } from '../../domain/picking';
import { lineColour, lineName } from '../common/localized';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import type { Line } from './use-pick-batch';

interface BatchStopProps {
  stop: Stop<Line>;
  /** Orders still being picked: only their lines can be reported short. */
  activeOrderIds: ReadonlySet<string>;
  onShort: (orderId: string, line: Line) => void;
}

/** One place on the batch walk: where, what, and how many go in which tote. */
export function BatchStop({ stop, activeOrderIds, onShort }: BatchStopProps) {
  const { t, language } = useI18n();
  const nameId = useId();
  const first = stop.picks[0]!.line;
  const ordered = stop.picks.reduce((sum, { line }) => sum + line.qtyOrdered, 0);
  const resolved = ordered - stop.remaining;
  return (
    <li
      className={`pick-line${stop.remaining === 0 ? ' pick-line--done' : ''}`}
      data-testid={`stop-${first.sku}`}
    >
      <div className="pick-line__location">
        {stop.aisle ? (
          <>
            <span>{t('line.aisle', { aisle: stop.aisle })}</span>
            {stop.bay ? <span>{t('line.bay', { bay: stop.bay })}</span> : null}
          </>
        ) : (
          <span>{t('line.noLocation')}</span>
        )}
      </div>
      <div className="pick-line__main">
        <p className="pick-line__name" id={nameId}>
          {lineName(first, language)}
        </p>
        <p className="pick-line__details">
          {first.brand} · {lineColour(first, language)} · {t('line.size', { size: first.size })}
        </p>
        <p className="pick-line__barcode">
          <span className="visually-hidden">{t('line.barcode')}: </span>
          <code>{first.barcode}</code>
        </p>
        <ul className="batch-stop__picks" aria-label={t('batch.totesFor')}>
          {stop.picks.map(({ order, line }) => (
            <li key={line.id} className="batch-stop__pick">
              <span className="tote-tag">{t('batch.toteShort', { slot: order.slot })}</span>
              <span>{order.number}</span>
              <span className="muted">
                {t('line.progress', { picked: line.qtyPicked, ordered: line.qtyOrdered })}
              </span>
              {line.qtyShort > 0 && line.shortReason ? (
                <span className="pick-line__short">
                  {t('line.shortDone', { qty: line.qtyShort, reason: t(`reason.${line.shortReason}`) })}
                </span>
              ) : null}
              {remaining(line) > 0 && activeOrderIds.has(order.id) ? (
                <Button
                  variant="ghost"
                  onClick={() => onShort(order.id, line)}
                  aria-label={t('batch.shortLabel', { number: order.number })}
                  aria-describedby={nameId}
                >
                  {t('line.short')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="pick-line__progress">
        <span className="pick-line__count" aria-hidden="true">
          {t('line.progress', { picked: resolved, ordered })}
        </span>
        <progress
          max={ordered}
          value={resolved}
          aria-label={t('line.progressLabel', { picked: resolved, ordered })}
        />
        {stop.remaining === 0 ? (
          <span className="pick-line__done">
            <Icon name="check" />
            {t('line.done')}
          </span>
        ) : null}
      </div>
    </li>
  );
}
