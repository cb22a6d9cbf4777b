import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { KpiReport } from '../../domain/kpi';
import type { KpiRange } from '../../domain/kpi-period';
import { ErrorAlert, Loading } from '../ui/alert';
import { Button } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { BarChart, type ChartBar } from './bar-chart';
import { downloadCsv } from './commands';
import { useManagerI18n } from './i18n/manager-i18n';
import { KpiTiles } from './kpi-tiles';
import { kpiQuery } from './queries';

const ranges: KpiRange[] = ['day', 'week'];

/** The store's KPIs over today or the last 7 days, with charts and their tables, and CSV. */
export function KpiPage() {
  const { mt, errorText } = useManagerI18n();
  const [params, setParams] = useSearchParams();
  const range: KpiRange = params.get('range') === 'week' ? 'week' : 'day';
  const report = useQuery(kpiQuery(range));
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });

  const exportCsv = async () => {
    setDownload({ busy: true, error: null });
    try {
      await downloadCsv(`/api/manager/kpis.csv?range=${range}`, `kpis-${range}.csv`);
      setDownload({ busy: false, error: null });
    } catch (error) {
      setDownload({ busy: false, error: errorText(error) });
    }
  };

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{mt('kpi.title')}</PageHeading>
        <Button onClick={() => void exportCsv()} busy={download.busy} data-testid="kpi-csv">
          {download.busy ? mt('kpi.downloading') : mt('kpi.exportCsv')}
        </Button>
      </div>
      {download.error ? (
        <p role="alert" className="mq-message--error">
          {download.error}
        </p>
      ) : null}
      <div className="segmented kpi-range" role="group" aria-label={mt('kpi.range')}>
        {ranges.map((value) => (
          <button
            key={value}
            type="button"
            className="segmented__button"
            aria-pressed={range === value}
            onClick={() => setParams(value === 'day' ? {} : { range: value }, { replace: true })}
          >
            {mt(`kpi.${value}`)}
          </button>
        ))}
      </div>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {report.data ? <KpiReportView report={report.data} /> : null}
    </div>
  );
}

function KpiReportView({ report }: { report: KpiReport }) {
  const { mt, locale, euros, num } = useManagerI18n();
  const byHour = report.range === 'day';
  const when = new Intl.DateTimeFormat(
    locale,
    byHour
      ? { hour: '2-digit', minute: '2-digit', timeZone: report.timeZone }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: report.timeZone },
  );
  const tickFormat = new Intl.DateTimeFormat(
    locale,
    byHour ? { hour: '2-digit', timeZone: report.timeZone } : { weekday: 'short', timeZone: report.timeZone },
  );
  const period = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: report.timeZone,
  });
  const bars = (values: (b: KpiReport['buckets'][number]) => number[]): ChartBar[] =>
    report.buckets.map((bucket, index) => ({
      label: when.format(new Date(bucket.start)),
      tick: byHour && index % 3 !== 0 ? '' : tickFormat.format(new Date(bucket.start)),
      values: values(bucket),
    }));
  const best = report.buckets.reduce<KpiReport['buckets'][number] | null>(
    (top, b) => (top === null || b.salesCents > top.salesCents ? b : top),
    null,
  );
  const unit = mt(byHour ? 'chart.hour' : 'chart.day');
  const onTime = report.buckets.reduce((sum, b) => sum + b.onTime, 0);
  const late = report.buckets.reduce((sum, b) => sum + b.late, 0);

  return (
    <>
      <p className="muted" data-testid="kpi-period">
        {mt('kpi.period', {
          from: period.format(new Date(report.from)),
          to: period.format(new Date(new Date(report.to).getTime() - 60_000)),
        })}
      </p>
      <KpiTiles report={report} />
      <div className="chart-grid">
        <BarChart
          testId="chart-sales"
          title={mt('chart.sales', { unit })}
          summary={mt('chart.summarySales', {
            total: euros(report.sales.cents),
            max: euros(best?.salesCents ?? 0),
            when: best ? when.format(new Date(best.start)) : '—',
          })}
          series={[{ label: mt('chart.salesValue'), className: 'chart__bar--sales' }]}
          bars={bars((b) => [b.salesCents])}
          format={euros}
        />
        <BarChart
          testId="chart-ready"
          title={mt('chart.ready', { unit })}
          summary={mt('chart.summaryReady', { onTime: num(onTime), late: num(late) })}
          series={[
            { label: mt('chart.onTime'), className: 'chart__bar--on-time' },
            { label: mt('chart.late'), className: 'chart__bar--late' },
          ]}
          bars={bars((b) => [b.onTime, b.late])}
          format={num}
        />
      </div>
    </>
  );
}
