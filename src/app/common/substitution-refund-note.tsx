import type { OrderDetail } from '../../contract/orders';
import { substitutionRefund, substitutionRefundCause } from '../../domain/substitution';
import { useI18n } from '../i18n/use-t';

/**
 * The money the order gave back at staging (ADR 0046): settled substitutes and removed items, as
 * the server recorded it with the payment adapter, so the associate can tell the customer at the
 * counter.
 */
export function SubstitutionRefundNote({ order }: { order: OrderDetail }) {
  const { t, language } = useI18n();
  const refund = order.substitutionRefund;
  if (!refund || refund.totalCents === 0) return null;
  // Why, from the lines that gave money back (a dearer substitute kept gives none).
  const cause = substitutionRefundCause(
    substitutionRefund(
      order.lines.map((l) => ({ ...l, reroutedTo: l.reroutedTo ?? null, substitute: l.substitute ?? null })),
      refund.totalCents,
    ).lines,
  );
  const amount = new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    style: 'currency',
    currency: refund.currency,
  }).format(refund.totalCents / 100);
  const key = {
    cheaper: 'order.substitutionRefund.cheaper',
    declined: 'order.substitutionRefund.declined',
    both: 'order.substitutionRefund.both',
    removed: 'order.substitutionRefund.removed',
    cheaperRemoved: 'order.substitutionRefund.cheaperRemoved',
    declinedRemoved: 'order.substitutionRefund.declinedRemoved',
    allThree: 'order.substitutionRefund.allThree',
  } as const;
  return (
    <p className="order-header__refund" data-testid="substitution-refund" data-cents={refund.totalCents}>
      {t(key[cause ?? 'both'], { amount })}
    </p>
  );
}
