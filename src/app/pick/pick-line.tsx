import { useId, type Ref } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { remaining } from '../../domain/picking';
import { lineColour, lineName } from '../common/localized';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { SubstituteNote } from '../common/substitute-note';

interface PickLineProps {
  line: OrderLineView;
  onShort: (line: OrderLineView) => void;
  /** Offers a substitute for the line's units that cannot be found. */
  onSubstitute?: (line: OrderLineView) => void;
  /** Opens the shelf camera on this line's product. */
  onFind?: (line: OrderLineView) => void;
  /** The next line to pick: highlighted, and where focus goes when it has nowhere better to be. */
  next?: boolean;
  ref?: Ref<HTMLLIElement>;
}

/** One stop on the walk: where to go first (aisle, bay), then what to take and how many. */
export function PickLine({ line, onShort, onSubstitute, onFind, next = false, ref }: PickLineProps) {
  const { t, language } = useI18n();
  const nameId = useId();
  const open = remaining(line);
  const done = open === 0;
  return (
    <li
      ref={ref}
      className={`pick-line${done ? ' pick-line--done' : ''}${next ? ' pick-line--next' : ''}`}
      data-testid={`line-${line.sku}`}
      aria-current={next ? 'step' : undefined}
      tabIndex={next ? -1 : undefined}
    >
      <div className="pick-line__location">
        {next ? <span className="pick-line__next-tag">{t('line.next')}</span> : null}
        {line.aisle ? (
          <>
            <span>{t('line.aisle', { aisle: line.aisle })}</span>
            {line.bay ? <span>{t('line.bay', { bay: line.bay })}</span> : null}
          </>
        ) : (
          <span>{t('line.noLocation')}</span>
        )}
      </div>
      <div className="pick-line__main">
        <p className="pick-line__name" id={nameId}>
          {lineName(line, language)}
        </p>
        <p className="pick-line__details">
          {line.brand} · {lineColour(line, language)} · {t('line.size', { size: line.size })}
        </p>
        <p className="pick-line__barcode">
          <span className="visually-hidden">{t('line.barcode')}: </span>
          <code>{line.barcode}</code>
        </p>
        {line.qtyShort > 0 && line.shortReason ? (
          <p className="pick-line__short">
            {t('line.shortDone', { qty: line.qtyShort, reason: t(`reason.${line.shortReason}`) })}
          </p>
        ) : null}
        <SubstituteNote line={line} />
      </div>
      <div className="pick-line__progress">
        <span className="pick-line__count" aria-hidden="true">
          {t('line.progress', { picked: line.qtyPicked, ordered: line.qtyOrdered })}
        </span>
        <progress
          max={line.qtyOrdered}
          value={line.qtyPicked + line.qtyShort}
          aria-label={t('line.progressLabel', { picked: line.qtyPicked, ordered: line.qtyOrdered })}
        />
        {done ? (
          <span className="pick-line__done">
            <Icon name="check" />
            {t('line.done')}
          </span>
        ) : (
          <>
            {onFind ? (
              <Button
                variant="ghost"
                onClick={() => onFind(line)}
                aria-describedby={nameId}
                data-testid="find-open"
              >
                <Icon name="camera" />
                {/* Short, so Find and Short share a row on a 320-px handheld; the line's name
                    describes it. */}
                {t('shelf.findOnLine')}
              </Button>
            ) : null}
            <Button variant="ghost" onClick={() => onShort(line)} aria-describedby={nameId}>
              {t('line.short')}
            </Button>
            {onSubstitute && !line.substitute ? (
              <Button
                variant="ghost"
                onClick={() => onSubstitute(line)}
                aria-describedby={nameId}
                data-testid="substitute-open"
              >
                {t('line.substitute')}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </li>
  );
}
