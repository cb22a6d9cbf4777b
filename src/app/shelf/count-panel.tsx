import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { productsByGtin } from '../../local-db/shelf-products';
import { compareCount, type CountLine } from '../../domain/shelf-count';
import { CodeTracker, type TrackView } from '../../scan/track/code-tracker';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { gtinOfCode } from './code-product';
import { useShelfI18n } from './i18n/shelf-i18n';
import { ShelfCamera, type Tone } from './shelf-camera';
import './shelf.css';

export interface ExpectedItem extends CountLine {
  name: string;
}

export interface CountPanelProps {
  /** What should be there: the units being put back, a parcel's contents… */
  expected: readonly ExpectedItem[];
  /** One command for the whole count; the panel closes when it resolves. */
  onConfirm: (counted: CountLine[]) => Promise<void>;
  onClose: () => void;
}

/** Counted units by product, from the tracker's confirmed tracks (each physical code once). */
function countedLines(tracker: CodeTracker): CountLine[] {
  const byGtin = new Map<string, number>();
  for (const track of tracker.tracks) {
    if (track.hits < 2) continue;
    const gtin = gtinOfCode(track.text, track.format);
    if (gtin) byGtin.set(gtin, (byGtin.get(gtin) ?? 0) + 1);
  }
  return [...byGtin].map(([gtin14, qty]) => ({ gtin14, qty }));
}

/**
 * Count in one look (issue 17, point 2): the codes in view are counted against the expected
 * list, each once across frames, and the associate confirms found, missing and unexpected as
 * one command.
 */
export function CountPanel({ expected, onConfirm, onClose }: CountPanelProps) {
  const { st, stp } = useShelfI18n();
  const tracker = useMemo(() => new CodeTracker({ confirmHits: 2 }), []);
  const [counted, setCounted] = useState<CountLine[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const expectedGtins = useMemo(() => new Set(expected.map((item) => item.gtin14)), [expected]);
  const comparison = useMemo(() => compareCount(expected, counted), [expected, counted]);
  const strangers = useMemo(
    () => comparison.unexpected.map((line) => line.gtin14).filter((gtin) => !expectedGtins.has(gtin)),
    [comparison, expectedGtins],
  );
  const strangerRows = useLiveQuery(() => productsByGtin(strangers), [strangers.join(',')]);
  const nameOf = (gtin14: string) =>
    expected.find((item) => item.gtin14 === gtin14)?.name ??
    (strangerRows?.get(gtin14)
      ? `${strangerRows.get(gtin14)!.nameEn} · ${strangerRows.get(gtin14)!.size}`
      : undefined) ??
    st('count.unknownProduct', { code: gtin14 });

  const toneOf = useCallback(
    (track: TrackView): Tone => {
      const gtin = gtinOfCode(track.text, track.format);
      if (!gtin) return 'dim';
      return expectedGtins.has(gtin) ? 'expected' : 'unexpected';
    },
    [expectedGtins],
  );
  const onFrame = useCallback(() => {
    const next = countedLines(tracker);
    setCounted((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
  }, [tracker]);

  const expectedUnits = expected.reduce((n, item) => n + item.qty, 0);
  const foundUnits = comparison.found.reduce((n, line) => n + line.counted, 0);
  const unexpectedUnits = comparison.unexpected.reduce((n, line) => n + line.qty, 0);

  const confirm = () => {
    setSaving(true);
    setError(null);
    onConfirm(counted).then(
      () => setSaving(false),
      (failure: unknown) => {
        setSaving(false);
        setError(failure);
      },
    );
  };
  const again = () => {
    tracker.reset();
    setCounted([]);
  };

  return (
    <section className="card stack" data-testid="count-panel" aria-labelledby="count-title">
      <h2 id="count-title" className="section-title">
        {st('count.title')}
      </h2>
      <p className="muted">{st('count.hint')}</p>
      <ShelfCamera
        testId="count-camera"
        tracker={tracker}
        toneOf={toneOf}
        onFrame={onFrame}
        status={{
          testId: 'count-summary',
          text: st('count.summary', {
            found: foundUnits,
            expected: expectedUnits,
            unexpected: unexpectedUnits,
          }),
        }}
        legend={[
          { tone: 'expected', label: st('count.legendExpected') },
          { tone: 'unexpected', label: st('count.legendUnexpected') },
        ]}
      />
      <div className="count-lists">
        <div data-testid="count-found">
          <h3>{st('count.found')}</h3>
          {comparison.found.length === 0 ? (
            <p className="muted">{st('count.nothing')}</p>
          ) : (
            <ul>
              {comparison.found.map((line) => (
                <li key={line.gtin14} data-gtin={line.gtin14}>
                  {nameOf(line.gtin14)}:{' '}
                  {st('count.ofExpected', { counted: line.counted, expected: line.expected })}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-testid="count-missing">
          <h3>{st('count.missing')}</h3>
          {comparison.missing.length === 0 ? (
            <p className="muted">{st('count.nothing')}</p>
          ) : (
            <ul>
              {comparison.missing.map((line) => (
                <li key={line.gtin14} data-gtin={line.gtin14}>
                  {nameOf(line.gtin14)}: {stp('count.units', line.qty)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-testid="count-unexpected">
          <h3>{st('count.unexpected')}</h3>
          {comparison.unexpected.length === 0 ? (
            <p className="muted">{st('count.nothing')}</p>
          ) : (
            <ul>
              {comparison.unexpected.map((line) => (
                <li key={line.gtin14} data-gtin={line.gtin14}>
                  {nameOf(line.gtin14)}: {stp('count.units', line.qty)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <Button variant="primary" size="lg" onClick={confirm} busy={saving} data-testid="count-confirm">
        {saving ? st('count.saving') : st('count.confirm')}
      </Button>
      <Button onClick={again}>{st('count.again')}</Button>
      <Button variant="ghost" onClick={onClose}>
        {st('shelf.close')}
      </Button>
    </section>
  );
}
