import type { OrderDetail } from '../../contract/orders';
import { useI18n } from '../i18n/use-t';
import { lineColour, lineName } from './localized';

/** The read-only list of what the order holds and what was picked or short. */
export function OrderSummary({ order }: { order: OrderDetail }) {
  const { t, language } = useI18n();
  return (
    <section className="card" aria-labelledby="order-summary-title">
      <h2 id="order-summary-title" className="section-title">
        {t('order.summary')}
      </h2>
      <ul className="summary-list">
        {order.lines.map((line) => (
          <li key={line.id} className="summary-list__item" data-testid={`line-${line.sku}`}>
            <span className="summary-list__name">{lineName(line, language)}</span>
            <span className="muted">
              {line.brand} · {lineColour(line, language)} · {t('line.size', { size: line.size })}
            </span>
            <span className="summary-list__qty">
              {/* The same short count as the pick list, with the words for screen readers. */}
              <span aria-hidden="true">
                {t('line.progress', { picked: line.qtyPicked, ordered: line.qtyOrdered })}
              </span>
              <span className="visually-hidden">
                {t('line.progressLabel', { picked: line.qtyPicked, ordered: line.qtyOrdered })}
              </span>
              {line.qtyShort > 0 && line.shortReason
                ? ` · ${t('line.shortDone', { qty: line.qtyShort, reason: t(`reason.${line.shortReason}`) })}`
                : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
