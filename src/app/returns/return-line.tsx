import { useId, type Dispatch } from 'react';
import type { ReturnableLine } from '../../contract/returns';
import { lineColour, lineName } from '../common/localized';
import { Button } from '../ui/button';
import { useReturnsI18n } from './i18n/returns-i18n';
import type { LineAvailability } from './returnable';
import { UnitFields } from './unit-fields';
import type { DraftUnit, UnitAction } from './unit-list';

/**
 * One line of the order: what was delivered and what can still come back, a stepper for the
 * units coming back (scanning adds them too), and each unit's reason, condition and disposition.
 * A kept substitute is an item of its own, named as what it stood in for, at the price paid.
 */
export function ReturnLine({
  line,
  substituteFor,
  availability,
  units,
  reasons,
  currency,
  dispatch,
  enabled,
}: {
  line: ReturnableLine;
  /** The line a kept substitute was picked for. */
  substituteFor?: ReturnableLine | undefined;
  availability: LineAvailability | undefined;
  units: readonly DraftUnit[];
  reasons: readonly string[];
  currency: string;
  dispatch: Dispatch<UnitAction>;
  enabled: boolean;
}) {
  const { rt, language, money } = useReturnsI18n();
  const titleId = useId();
  const qtyId = useId();
  const name = lineName(line, language);
  const remaining = availability?.remaining ?? 0;
  const count = units.length;
  const setQty = (qty: number) => dispatch({ type: 'setQty', lineId: line.lineId, qty });
  const nothingLeft = remaining === 0 && count === 0;

  return (
    <li
      className={`card stack return-line${count > 0 ? ' return-line--chosen' : ''}`}
      aria-labelledby={titleId}
      data-testid={`return-line-${line.sku}`}
      data-count={count}
    >
      <div>
        <h3 id={titleId} className="return-line__name">
          {name}
        </h3>
        <p className="muted">
          {[line.brand, lineColour(line, language), rt('line.size', { size: line.size }), line.sku]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {substituteFor ? (
          <p data-testid="return-line-substitute">
            <span className="badge badge--type">{rt('line.substitute')}</span>{' '}
            {rt('line.substituteFor', { product: lineName(substituteFor, language) })}
          </p>
        ) : null}
        <p>
          {money(line.unitPriceCents, currency)}
          {line.finalSale ? (
            <span className="badge badge--type return-flag">{rt('line.finalSale')}</span>
          ) : null}
          {!line.returnable ? (
            <span className="badge badge--type return-flag">{rt('line.nonReturnable')}</span>
          ) : null}
        </p>
        <p>
          {rt('line.counts', {
            delivered: availability?.delivered ?? line.qtyDelivered,
            returned: (availability?.returned ?? 0) + (availability?.queued ?? 0),
            left: remaining,
          })}
        </p>
        {availability && availability.queued > 0 ? (
          <p className="muted">{rt('line.queuedHere', { count: availability.queued })}</p>
        ) : null}
        {nothingLeft ? (
          <p className="return-line__done" data-testid="line-all-returned">
            {rt('line.allReturned')}
          </p>
        ) : null}
      </div>
      {nothingLeft ? null : (
        <div className="stepper" role="group" aria-labelledby={`${qtyId} ${titleId}`}>
          <span id={qtyId} className="stepper__label">
            {rt('line.comingBack')}
          </span>
          <Button
            className="stepper__button"
            aria-label={rt('line.less', { product: name })}
            disabled={!enabled || count === 0}
            onClick={() => setQty(count - 1)}
          >
            −
          </Button>
          <output className="stepper__value" aria-live="polite" data-testid="line-qty">
            {count}
          </output>
          <Button
            className="stepper__button"
            aria-label={rt('line.more', { product: name })}
            disabled={!enabled || count >= remaining}
            onClick={() => setQty(count + 1)}
          >
            +
          </Button>
        </div>
      )}
      {units.length > 0 ? (
        <ol className="return-units">
          {units.map((unit, index) => {
            const label = rt('unit.label', { product: name, n: index + 1 });
            return (
              <li key={unit.key}>
                <fieldset className="return-unit" data-testid="return-unit">
                  <legend>{rt('unit.title', { n: index + 1 })}</legend>
                  <UnitFields
                    values={unit}
                    reasons={reasons}
                    labelSuffix={label}
                    onChange={(field, value) => dispatch({ type: 'set', key: unit.key, field, value })}
                  />
                  <Button
                    variant="ghost"
                    onClick={() => dispatch({ type: 'remove', key: unit.key })}
                    aria-label={rt('unit.remove', { label })}
                    disabled={!enabled}
                  >
                    {rt('unit.removeShort')}
                  </Button>
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : null}
    </li>
  );
}
