import { useId } from 'react';
import { useManagerI18n } from './i18n/manager-i18n';

export interface ChartSeries {
  label: string;
  /** A CSS class that colours the bars; a pattern of the legend repeats it for non-colour cues. */
  className: string;
}

export interface ChartBar {
  label: string;
  /** The tick text under the bar ("" to leave a busy axis readable). */
  tick: string;
  values: number[];
}

interface BarChartProps {
  title: string;
  /** One sentence that says what the chart shows, for everyone. */
  summary: string;
  series: ChartSeries[];
  bars: ChartBar[];
  format: (value: number) => string;
  testId?: string;
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 12, right: 8, bottom: 30, left: 8 };

/**
 * Stacked bars as inline SVG, with no chart library. The SVG is one image with a title and the
 * summary as its description; the exact figures are in a table just below (WCAG 1.1.1), so a
 * screen reader never walks 24 unlabelled rectangles.
 */
export function BarChart({ title, summary, series, bars, format, testId }: BarChartProps) {
  const { mt } = useManagerI18n();
  const id = useId();
  const totals = bars.map((bar) => bar.values.reduce((sum, v) => sum + v, 0));
  const max = Math.max(1, ...totals);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, slot * 0.7);

  return (
    <figure className="chart card" data-testid={testId}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <p id={`${id}-desc`} className="chart__summary">
        {summary}
      </p>
      <ul className="chart__legend">
        {series.map((s) => (
          <li key={s.label}>
            <span className={`chart__swatch ${s.className}`} aria-hidden="true" /> {s.label}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart__svg"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          className="chart__axis"
        />
        {bars.map((bar, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let y = HEIGHT - PAD.bottom;
          return (
            <g key={bar.label}>
              {bar.values.map((value, s) => {
                const h = (value / max) * plotHeight;
                y -= h;
                return value > 0 ? (
                  <rect key={s} x={x} y={y} width={barWidth} height={h} className={series[s]?.className} />
                ) : null;
              })}
              {bar.tick ? (
                <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="chart__tick">
                  {bar.tick}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="chart__table">
        <summary>{mt('chart.showTable')}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{mt('chart.when')}</th>
              {series.map((s) => (
                <th key={s.label} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                {bar.values.map((value, s) => (
                  <td key={s} className="num">
                    {format(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
