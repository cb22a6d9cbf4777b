import type { KpiReport } from '../../domain/kpi';
import { useManagerI18n } from './i18n/manager-i18n';

/** The figures as a definition list: the name, the value, then how it was counted. */
export function KpiTiles({ report }: { report: KpiReport }) {
  const { mt, mtp, euros, num } = useManagerI18n();
  const none = mt('kpi.none');
  const minutes = (value: number | null) =>
    value === null ? none : mt('kpi.minutes', { value: num(value) });
  const pct = (value: number | null) => (value === null ? none : mt('kpi.percent', { value: num(value) }));
  // Ahead of the promise or behind it, in words: a bare "-130 min" is easy to misread.
  const aheadOrLate = (value: number | null) =>
    value === null
      ? none
      : value >= 0
        ? mt('kpi.minutesAhead', { value: num(value) })
        : mt('kpi.minutesLate', { value: num(-value) });
  const tiles: { id: string; name: string; value: string; detail: string }[] = [
    {
      id: 'sales',
      name: mt('kpi.sales'),
      value: euros(report.sales.cents),
      detail: mtp('kpi.salesDetail', report.sales.orders),
    },
    {
      id: 'on-time',
      name: mt('kpi.onTime'),
      value: pct(report.onTime.percent),
      detail: mtp('kpi.onTimeDetail', report.onTime.due, { onTime: report.onTime.onTime }),
    },
    {
      id: 'time-to-pick',
      name: mt('kpi.timeToPick'),
      value: minutes(report.timeToPick.medianMinutes),
      detail: mtp('kpi.timeToPickDetail', report.timeToPick.orders, {
        average: minutes(report.timeToPick.averageMinutes),
      }),
    },
    {
      id: 'ready-vs-promise',
      name: mt('kpi.readyVsPromise'),
      value: aheadOrLate(report.readyVsPromise.medianMinutesAhead),
      detail: mtp('kpi.readyVsPromiseDetail', report.readyVsPromise.orders, {
        average: aheadOrLate(report.readyVsPromise.averageMinutesAhead),
      }),
    },
    {
      id: 'pick-accuracy',
      name: mt('kpi.pickAccuracy'),
      value: pct(report.pickAccuracy.percent),
      detail: mt('kpi.pickAccuracyDetail', {
        picked: report.pickAccuracy.unitsPicked,
        expected: report.pickAccuracy.unitsExpected,
      }),
    },
    {
      id: 'short-pick',
      name: mt('kpi.shortPick'),
      value: pct(report.shortPick.percent),
      detail: mtp('kpi.shortPickDetail', report.shortPick.ordersWithShort, {
        short: report.shortPick.unitsShort,
        ordered: report.shortPick.unitsOrdered,
      }),
    },
    {
      id: 'substitution',
      name: mt('kpi.substitution'),
      value: pct(report.substitution.percent),
      detail: mt('kpi.substitutionDetail', {
        substituted: report.substitution.unitsSubstituted,
        short: report.substitution.unitsShort,
      }),
    },
    {
      id: 'acceptance',
      name: mt('kpi.acceptance'),
      value: pct(report.acceptance.percent),
      detail: mt('kpi.acceptanceDetail', {
        accepted: report.acceptance.accepted,
        answered: report.acceptance.answered,
      }),
    },
    {
      id: 'uncollected',
      name: mt('kpi.uncollected'),
      value: num(report.uncollected.readyPastPromise + report.uncollected.expired),
      detail: mt('kpi.uncollectedDetail', {
        ready: report.uncollected.readyPastPromise,
        expired: report.uncollected.expired,
      }),
    },
    {
      id: 'returns',
      name: mt('kpi.returns'),
      value: num(report.returns.count),
      detail: mt('kpi.returnsDetail', { value: euros(report.returns.refundCents) }),
    },
    {
      id: 'ratings',
      name: mt('kpi.ratings'),
      value:
        report.ratings.average === null
          ? none
          : mt('kpi.ratingValue', { value: num(report.ratings.average) }),
      detail: mtp('kpi.ratingsDetail', report.ratings.count),
    },
  ];
  return (
    <dl className="kpi-tiles">
      {tiles.map((tile) => (
        <div key={tile.id} className="kpi-tile card" data-testid={`kpi-${tile.id}`}>
          <dt className="kpi-tile__name">{tile.name}</dt>
          <dd className="kpi-tile__value">{tile.value}</dd>
          <dd className="kpi-tile__detail">{tile.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
