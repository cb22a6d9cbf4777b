import type { ReturnOrderFacts, ShownRefund } from '../../local-db/local-return-row';
import { lineName } from '../common/localized';
import { useReturnsI18n } from './i18n/returns-i18n';
import { paymentText } from './order-facts';

interface NamedLine {
  lineId: string;
  nameEn: string;
  nameIt: string;
  size: string;
}

/**
 * A refund line by line: the units' price, their share of the order's discounts, what comes
 * back; then shipping, the total, and the payment it goes back to. The preview and the receipt
 * show the same table.
 */
export function RefundTable({
  refund,
  lines,
  currency,
  payment,
  caption,
}: {
  refund: ShownRefund;
  lines: readonly NamedLine[];
  currency: string;
  payment: ReturnOrderFacts['payment'];
  caption: string;
}) {
  const { rt, language, money } = useReturnsI18n();
  const nameOf = (lineId: string) => {
    const line = lines.find((l) => l.lineId === lineId);
    return line ? `${lineName(line, language)} · ${line.size}` : lineId;
  };
  return (
    <table className="refund-table stack-table" data-testid="refund-table">
      <caption className="section-title">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rt('refund.item')}</th>
          <th scope="col" className="num">
            {rt('refund.qty')}
          </th>
          <th scope="col" className="num">
            {rt('refund.price')}
          </th>
          <th scope="col" className="num">
            {rt('refund.discount')}
          </th>
          <th scope="col" className="num">
            {rt('refund.refund')}
          </th>
        </tr>
      </thead>
      <tbody>
        {refund.lines.map((line) => (
          <tr key={line.lineId}>
            <th scope="row">{nameOf(line.lineId)}</th>
            <td className="num" data-label={rt('refund.qty')}>
              {line.qty}
            </td>
            <td className="num" data-label={rt('refund.price')}>
              {money(line.grossCents, currency)}
            </td>
            <td className="num" data-label={rt('refund.discount')}>
              {line.discountShareCents > 0 ? `−${money(line.discountShareCents, currency)}` : '—'}
            </td>
            <td className="num" data-label={rt('refund.refund')}>
              {money(line.refundCents, currency)}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row" colSpan={4}>
            {rt('refund.shipping')}
          </th>
          <td className="num">{money(refund.shippingCents, currency)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            {rt('refund.total')}
          </th>
          <td className="num refund-table__total" data-testid="refund-total" data-cents={refund.totalCents}>
            {money(refund.totalCents, currency)}
          </td>
        </tr>
        <tr>
          <td colSpan={5} className="refund-table__to">
            {rt('refund.backTo', { payment: paymentText(rt, payment) })}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
