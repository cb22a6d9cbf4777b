import { useId } from 'react';
import type { ReturnDetail } from '../../contract/returns';
import type {
  LocalReturnRow,
  ReturnOrderFacts,
  ReturnOutcome,
  ShownRefund,
} from '../../local-db/local-return-row';
import { lineName } from '../common/localized';
import { useReturnsI18n } from './i18n/returns-i18n';
import { RefundTable } from './refund-table';
import { conditionLabel, dispositionLabel, reasonLabel } from './unit-fields';

/** A refunded return as its receipt shows it, from the server's detail or, offline, from this device. */
export interface ReceiptView {
  number: string;
  storeName: string;
  storeAddress: string | null;
  takenAt: string;
  takenBy: string | null;
  orderNumber: string;
  currency: string;
  payment: ReturnOrderFacts['payment'];
  units: {
    lineId: string;
    sku: string;
    nameEn: string;
    nameIt: string;
    size: string;
    reason: string;
    condition: string;
    disposition: string;
  }[];
  refund: ShownRefund | null;
  override: { managerName: string; reason: string } | null;
}

export function receiptOfDetail(detail: ReturnDetail): ReceiptView {
  return {
    number: detail.number,
    storeName: detail.storeName,
    storeAddress: detail.storeAddress,
    takenAt: detail.takenAt,
    takenBy: detail.takenBy.name,
    orderNumber: detail.orderNumber,
    currency: detail.currency,
    payment: detail.refund?.payment ?? null,
    units: detail.units,
    refund: detail.refund
      ? {
          totalCents: detail.refund.totalCents,
          shippingCents: detail.refund.shippingCents,
          lines: detail.refund.lines,
        }
      : null,
    override: detail.override
      ? { managerName: detail.override.managerName, reason: detail.override.reason }
      : null,
  };
}

/**
 * Offline after the sync answered: the number and total are the server's, the lines the preview
 * this device showed (only when its total is the server's, so the receipt never contradicts itself).
 */
export function receiptOfDevice(row: LocalReturnRow, outcome: ReturnOutcome, storeName: string): ReceiptView {
  const shown = row.shown.refund;
  const refund: ShownRefund =
    shown && shown.totalCents === outcome.refundCents
      ? shown
      : { totalCents: outcome.refundCents, shippingCents: outcome.shippingRefundCents, lines: [] };
  return {
    number: outcome.number,
    storeName,
    storeAddress: null,
    takenAt: row.args.takenAt,
    takenBy: row.associateName,
    orderNumber: row.shown.order.number,
    currency: row.shown.order.currency,
    payment: row.shown.order.payment,
    units: row.args.units.map((unit) => {
      const line = row.shown.lines.find((l) => l.lineId === unit.lineId);
      return {
        lineId: unit.lineId,
        sku: line?.sku ?? '',
        nameEn: line?.nameEn ?? unit.lineId,
        nameIt: line?.nameIt ?? unit.lineId,
        size: line?.size ?? '',
        reason: unit.reason,
        condition: unit.condition,
        disposition: unit.disposition,
      };
    }),
    refund,
    override: row.shown.approvedBy
      ? { managerName: row.shown.approvedBy.name, reason: row.args.override?.reason ?? '' }
      : null,
  };
}

/** The printable receipt: store, number, date, each unit with its reason and fate, the refund and where it goes. */
export function Receipt({ receipt }: { receipt: ReceiptView }) {
  const { rt, language, dateTime } = useReturnsI18n();
  const titleId = useId();
  const names = [...new Map(receipt.units.map((u) => [u.lineId, u])).values()];
  return (
    <article className="card stack return-receipt" aria-labelledby={titleId} data-testid="return-receipt">
      <header className="return-receipt__head">
        <h2 id={titleId} className="section-title">
          {rt('receipt.title')}
        </h2>
        <p className="return-receipt__store">{receipt.storeName}</p>
        {receipt.storeAddress ? <p className="muted">{receipt.storeAddress}</p> : null}
        <dl className="return-facts">
          <div>
            <dt>{rt('receipt.number')}</dt>
            <dd data-testid="receipt-number">{receipt.number}</dd>
          </div>
          <div>
            <dt>{rt('receipt.date')}</dt>
            <dd>{dateTime(receipt.takenAt)}</dd>
          </div>
          <div>
            <dt>{rt('receipt.order')}</dt>
            <dd>{receipt.orderNumber}</dd>
          </div>
          {receipt.takenBy ? (
            <div>
              <dt>{rt('receipt.takenBy')}</dt>
              <dd>{receipt.takenBy}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <table className="refund-table stack-table">
        <caption className="section-title">{rt('receipt.units')}</caption>
        <thead>
          <tr>
            <th scope="col">{rt('refund.item')}</th>
            <th scope="col">{rt('unit.reason')}</th>
            <th scope="col">{rt('unit.condition')}</th>
            <th scope="col">{rt('unit.disposition')}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.units.map((unit, index) => (
            <tr key={index}>
              <th scope="row">
                {lineName(unit, language)} · {unit.size}
              </th>
              <td data-label={rt('unit.reason')}>{reasonLabel(rt, unit.reason)}</td>
              <td data-label={rt('unit.condition')}>{conditionLabel(rt, unit.condition)}</td>
              <td data-label={rt('unit.disposition')}>{dispositionLabel(rt, unit.disposition)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {receipt.refund ? (
        <RefundTable
          refund={receipt.refund}
          lines={names}
          currency={receipt.currency}
          payment={receipt.payment}
          caption={rt('receipt.refund')}
        />
      ) : null}
      {receipt.override ? (
        <p className="muted">
          {rt('receipt.override', { manager: receipt.override.managerName, reason: receipt.override.reason })}
        </p>
      ) : null}
    </article>
  );
}
