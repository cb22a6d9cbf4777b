import type { ScanOutcome } from '../../scan/feedback';
import { useT } from '../i18n/use-t';
import { Icon, type IconName } from './icon';

export interface ScanBannerState {
  outcome: ScanOutcome;
  title: string;
  message: string;
  /** Bumped on every scan, so two equal outcomes in a row still flash (and tests can tell them apart). */
  seq: number;
}

const icons: Record<ScanOutcome, IconName> = {
  success: 'check',
  wrongItem: 'cross',
  alreadyComplete: 'repeat',
  unknown: 'question',
  error: 'alert',
};

/**
 * The full-width flash after each scan: colour, icon and words, so no outcome depends on
 * colour or sound alone. The live region is always in the page, so screen readers catch changes.
 */
export function ScanBanner({ state, slim = false }: { state: ScanBannerState | null; slim?: boolean }) {
  const t = useT();
  return (
    <div
      className={`scan-banner scan-banner--${state?.outcome ?? 'idle'}${slim ? ' scan-banner--slim' : ''}`}
      role="status"
      aria-live="assertive"
      aria-atomic="true"
      data-testid="scan-feedback"
      data-outcome={state?.outcome ?? 'idle'}
      data-seq={state?.seq ?? 0}
    >
      {state ? (
        <div key={state.seq} className="scan-banner__body">
          <Icon name={icons[state.outcome]} className="scan-banner__icon" />
          <div>
            <p className="scan-banner__title">{state.title}</p>
            <p className="scan-banner__message">{state.message}</p>
          </div>
        </div>
      ) : (
        <div className="scan-banner__body">
          <Icon name="scan" className="scan-banner__icon" />
          <p className="scan-banner__title">{t('feedback.idle')}</p>
        </div>
      )}
    </div>
  );
}
