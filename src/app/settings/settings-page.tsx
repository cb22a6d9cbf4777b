import { useCallback, useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { FAST_GAP_MS, learnPace, MAX_SCANNER_GAP_MS, type LearnedPace } from '../../scan/burst-shape';
import type { ScannedCode } from '../../scan/scanned-code';
import {
  cleanGap,
  readScannerSettings,
  saveScannerSettings,
  subscribeScannerSettings,
} from '../../scan/scanner-settings';
import { listenForBursts } from '../../scan/wedge-scanner';
import { AlertSettings } from '../common/alert-settings';
import { ScanStep } from '../common/scan-step';
import { useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { Link } from 'react-router';
import { PageHeading } from '../ui/page-heading';
import { Button } from '../ui/button';

/** This device's settings: the hardware scanner's prefix and suffix, and a place to try it. */
export function SettingsPage() {
  const t = useT();
  // While the pace is being learned, the test field's own scanner listener stands aside.
  const [learning, setLearning] = useState(false);
  return (
    <div className="stack">
      <PageHeading>{t('settings.title')}</PageHeading>
      <ScannerSettingsForm />
      <ScannerTest enabled={!learning} />
      <ScannerSpeed learning={learning} setLearning={setLearning} />
      <AlertSettings />
      <Link to="/settings/kiosks" className="btn btn--secondary" data-testid="kiosks-link">
        {t('settings.kiosks')}
      </Link>
    </div>
  );
}

function ScannerSettingsForm() {
  const t = useT();
  const id = useId();
  const current = useSyncExternalStore(subscribeScannerSettings, readScannerSettings);
  const [prefix, setPrefix] = useState(current.prefix);
  const [suffix, setSuffix] = useState(current.suffix);
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    saveScannerSettings({ ...readScannerSettings(), prefix, suffix });
    setSaved(true);
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('settings.scanner')}
      </h2>
      <p id={`${id}-hint`}>{t('settings.scannerHint')}</p>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-prefix`}>{t('settings.prefix')}</label>
          <input
            id={`${id}-prefix`}
            name="scanner-prefix"
            value={prefix}
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              setPrefix(event.target.value);
              setSaved(false);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-suffix`}>{t('settings.suffix')}</label>
          <input
            id={`${id}-suffix`}
            name="scanner-suffix"
            value={suffix}
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              setSuffix(event.target.value);
              setSaved(false);
            }}
          />
        </div>
        <Button type="submit" variant="primary">
          {t('settings.save')}
        </Button>
        <div role="status">{saved ? <Notice tone="success">{t('settings.saved')}</Notice> : null}</div>
      </form>
    </section>
  );
}

function ScannerTest({ enabled }: { enabled: boolean }) {
  const t = useT();
  const id = useId();
  const [last, setLast] = useState<ScannedCode | null>(null);
  const onScan = useCallback((scan: ScannedCode) => setLast(scan), []);
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('settings.test')}
      </h2>
      <ScanStep
        label={t('settings.testLabel')}
        hint={t('settings.testHint')}
        buttonLabel={t('settings.testButton')}
        onScan={onScan}
        enabled={enabled}
        name="scanner-test"
      />
      <p role="status" aria-live="polite" data-testid="scanner-test-result">
        {last
          ? t('settings.testResult', { code: last.text, source: t(`settings.source.${last.source}`) })
          : t('settings.testIdle')}
      </p>
    </section>
  );
}

/**
 * The pace this device's scanner types at: learned from one scan, or typed in from the
 * scanner's own settings (DataWedge's "inter-character delay"). Slow scanners are read only
 * once it is known; fast ones always are.
 */
function ScannerSpeed({ learning, setLearning }: { learning: boolean; setLearning: (on: boolean) => void }) {
  const t = useT();
  const id = useId();
  const current = useSyncExternalStore(subscribeScannerSettings, readScannerSettings);
  const [outcome, setOutcome] = useState<
    LearnedPace | { ok: true; gapMs: number | null; manual: true } | null
  >(null);
  const [typed, setTyped] = useState(current.gapMs === null ? '' : String(current.gapMs));
  const [typedError, setTypedError] = useState(false);

  useEffect(() => {
    if (!learning) return;
    return listenForBursts(
      (_text, stamps) => {
        const learned = learnPace(stamps);
        if (learned.ok) {
          saveScannerSettings({ ...readScannerSettings(), gapMs: learned.gapMs });
          setTyped(String(learned.gapMs));
          setLearning(false);
        }
        setOutcome(learned);
        return true;
      },
      // Long enough for the slowest scanner Aisle reads, and for a person to show what they are.
      MAX_SCANNER_GAP_MS * 8,
    );
  }, [learning, setLearning]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = typed.trim();
    const gapMs = text === '' ? null : cleanGap(Number(text));
    if (text !== '' && gapMs === null) {
      setTypedError(true);
      return;
    }
    setTypedError(false);
    saveScannerSettings({ ...readScannerSettings(), gapMs });
    setOutcome({ ok: true, gapMs, manual: true });
  };

  const pace =
    current.gapMs === null || current.gapMs <= FAST_GAP_MS
      ? t('settings.speed.fast')
      : t('settings.speed.ms', { ms: current.gapMs });

  let message: string | null = null;
  // A refused scan says why, and learning goes on until a scan teaches the pace.
  if (outcome && !outcome.ok) message = t(`settings.speed.refused.${outcome.reason}`);
  else if (learning) message = t('settings.speed.scanNow');
  else if (outcome) message = t('settings.speed.learned', { pace });

  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="scanner-speed">
      <h2 id={`${id}-title`} className="section-title">
        {t('settings.speed.title')}
      </h2>
      <p id={`${id}-hint`}>{t('settings.speed.hint', { max: MAX_SCANNER_GAP_MS })}</p>
      <p data-testid="scanner-pace">{t('settings.speed.current', { pace })}</p>
      <Button
        type="button"
        variant={learning ? 'secondary' : 'primary'}
        aria-pressed={learning}
        onClick={() => {
          setOutcome(null);
          setLearning(!learning);
        }}
        data-testid="scanner-learn"
      >
        {learning ? t('settings.speed.stop') : t('settings.speed.learn')}
      </Button>
      <div role="status" data-testid="scanner-speed-status">
        {message ? (
          <Notice tone={outcome && !outcome.ok ? 'warning' : learning ? 'info' : 'success'}>{message}</Notice>
        ) : null}
      </div>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-gap`}>{t('settings.speed.manual')}</label>
          <input
            id={`${id}-gap`}
            name="scanner-gap"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_SCANNER_GAP_MS}
            step={1}
            value={typed}
            aria-describedby={`${id}-hint${typedError ? ` ${id}-error` : ''}`}
            aria-invalid={typedError || undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
          {typedError ? (
            <p id={`${id}-error`} className="field__error">
              {t('settings.speed.invalid', { max: MAX_SCANNER_GAP_MS })}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="secondary">
          {t('settings.speed.save')}
        </Button>
      </form>
    </section>
  );
}
