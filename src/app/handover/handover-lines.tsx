import { useId } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { heldSubstitutes } from '../../domain/order-stock';
import { stagedUnits, type CounterLine } from '../../domain/partial-handover';
import { lineName } from '../common/localized';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';

/** A line as the counter's rules see it; a replica from an older server has no counter fields. */
export const counterLine = (line: OrderLineView): CounterLine => ({
  ...line,
  qtyHandedOver: line.qtyHandedOver ?? 0,
  qtyRefused: line.qtyRefused ?? 0,
});

/** Units of a line still on the shelf: picked, not handed over, not refused. */
export const stagedOf = (line: OrderLineView) => stagedUnits(counterLine(line));

/** Units of each line's kept substitute waiting with the order, by line id (none once some unit left). */
export const heldSubstituteUnits = (lines: readonly OrderLineView[]): Map<string, number> =>
  new Map(
    heldSubstitutes(
      lines.map((l) => ({ id: l.id, qtyHandedOver: l.qtyHandedOver ?? 0, substitute: l.substitute ?? null })),
    ).map((held) => [held.lineId, held.qty]),
  );

interface HandoverLinesProps {
  lines: readonly OrderLineView[];
  /** Units chosen to hand over now, by line id. */
  chosen: ReadonlyMap<string, number>;
  onChoose: (lineId: string, qty: number) => void;
  onRefuse: (line: OrderLineView) => void;
  /** The customer refuses the line's kept substitute. */
  onRefuseSubstitute: (line: OrderLineView) => void;
}

/**
 * What the customer takes now (ADR 0047): every staged unit unless the associate keeps some for
 * later; each line can be refused, unit by unit, with a reason. A kept substitute waiting with the
 * order is listed under its line, by its own name, and can be refused the same way.
 */
export function HandoverLines({ lines, chosen, onChoose, onRefuse, onRefuseSubstitute }: HandoverLinesProps) {
  const { t, language } = useI18n();
  const id = useId();
  const held = heldSubstituteUnits(lines);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="handover-lines">
      <h2 id={`${id}-title`} className="section-title">
        {t('handover.linesTitle')}
      </h2>
      <ul className="summary-list">
        {lines.map((line) => {
          const staged = stagedOf(line);
          const name = lineName(line, language);
          return (
            <li
              key={line.id}
              className="summary-list__item handover-line"
              data-testid={`handover-line-${line.sku}`}
            >
              <span className="summary-list__name">{name}</span>
              {(line.qtyHandedOver ?? 0) > 0 || (line.qtyRefused ?? 0) > 0 ? (
                <span className="muted">
                  {t('handover.lineSoFar', { taken: line.qtyHandedOver ?? 0, refused: line.qtyRefused ?? 0 })}
                </span>
              ) : null}
              {staged > 0 ? (
                <span className="handover-line__actions">
                  <label htmlFor={`${id}-${line.id}`}>{t('handover.takeNow')}</label>
                  <select
                    id={`${id}-${line.id}`}
                    value={chosen.get(line.id) ?? staged}
                    onChange={(event) => onChoose(line.id, Number(event.target.value))}
                    aria-label={t('handover.takeNowOf', { name })}
                    data-testid={`take-${line.sku}`}
                  >
                    {Array.from({ length: staged + 1 }, (_, qty) => (
                      <option key={qty} value={qty}>
                        {t('handover.ofStaged', { qty, staged })}
                      </option>
                    ))}
                  </select>
                  <Button
                    onClick={() => onRefuse(line)}
                    aria-label={t('handover.refuseOf', { name })}
                    data-testid={`refuse-${line.sku}`}
                  >
                    {t('handover.refuse')}
                  </Button>
                </span>
              ) : null}
              {line.substitute && held.has(line.id) ? (
                <SubstituteRow
                  line={line}
                  held={held.get(line.id)!}
                  onRefuse={() => onRefuseSubstitute(line)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A kept substitute waiting with the order: its name, for what, how many, and its refusal. */
function SubstituteRow({
  line,
  held,
  onRefuse,
}: {
  line: OrderLineView;
  held: number;
  onRefuse: () => void;
}) {
  const { t, language } = useI18n();
  const substitute = line.substitute!;
  const name = language === 'it' ? substitute.nameIt : substitute.nameEn;
  return (
    <span className="handover-line__substitute" data-testid={`handover-substitute-${substitute.sku}`}>
      <span>{t('handover.substituteHeld', { qty: held, name, ordered: lineName(line, language) })}</span>
      <Button
        onClick={onRefuse}
        aria-label={t('handover.refuseOf', { name })}
        data-testid={`refuse-substitute-${substitute.sku}`}
      >
        {t('handover.refuse')}
      </Button>
    </span>
  );
}
