import { useCallback, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ScannedCode } from '../../scan/scanned-code';
import {
  readScannerSettings,
  saveScannerSettings,
  subscribeScannerSettings,
} from '../../scan/scanner-settings';
import { AlertSettings } from '../common/alert-settings';
import { ScanStep } from '../common/scan-step';
import { useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { Link } from 'react-router';
import { Button } from '../ui/button';

/** This device's settings: the hardware scanner's prefix and suffix, and a place to try it. */
export function SettingsPage() {
  const t = useT();
  return (
    <div className="stack">
      <h1>{t('settings.title')}</h1>
      <ScannerSettingsForm />
      <ScannerTest />
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
    saveScannerSettings({ prefix, suffix });
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

function ScannerTest() {
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
