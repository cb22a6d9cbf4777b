import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { SyncSummary } from '../../local-db/replica-read';
import { firstScreenShown } from '../common/after-first-screen';
import { useI18n } from '../i18n/use-t';
import { readScannerSettings, wedgeOptionsOf } from '../../scan/scanner-settings';
import { holdScansBetweenSteps } from '../../scan/wedge-scanner';
import { Loading } from '../ui/alert';
import { Icon, type IconName } from '../ui/icon';
import { DeviceNotices } from './device-notices';
import { ErrorBoundary } from './error-boundary';
import { AppMenu } from './app-menu';
import { LanguageSwitch } from './language-switch';
import { PinDialog } from './pin-dialog';
import { SignOutButton } from './sign-out-button';
import { SyncStatus } from './sync-status';
import { UpdatePrompt } from './update-prompt';
import { useSession } from '../common/use-session';
import { useSyncEngine } from './use-sync-engine';
import { useSyncSummary } from './use-sync-summary';

/** Customer and new-order alerts: a chunk of their own, loaded once the first screen is in use. */
const CustomerAlerts = lazy(() =>
  firstScreenShown()
    .then(() => import('../alerts/customer-alerts'))
    .then((m) => ({ default: m.CustomerAlerts })),
);

/**
 * A scan that lands while the next screen is still opening goes to that screen's scan step
 * instead of nowhere (src/scan/wedge-scanner.ts), for as long as someone is signed in.
 */
function useHeldScans(signedIn: boolean, pathname: string): void {
  const navigatedAt = useRef(0);
  useEffect(() => {
    navigatedAt.current = Date.now();
  }, [pathname]);
  useEffect(() => {
    if (!signedIn) return;
    return holdScansBetweenSteps(() => wedgeOptionsOf(readScannerSettings()), {
      opening: () => Date.now() - navigatedAt.current < SCREEN_OPENING_MS,
    });
  }, [signedIn]);
}

/** How long after a navigation the next screen counts as still opening, for a scan to wait. */
const SCREEN_OPENING_MS = 3_000;

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  useSyncEngine();
  useHeldScans(session !== null, location.pathname);
  // One live read of the outbox for the whole header: it re-runs on every outbox change.
  const summary = useSyncSummary(session?.associate.id);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__logo">
          {t('app.name')}
        </Link>
        <div className="app-header__actions">
          {session ? <span id="alert-badge-slot" className="app-header__alerts" /> : null}
          {session ? <AttentionBadge attention={summary.attention} /> : null}
          <AppMenu>
            {session ? (
              <span className="app-header__who">
                <span className="app-header__store">{session.associate.storeName}</span>
                <span className="app-header__associate">
                  <span className="visually-hidden">{t('header.signedInAs', { name: '' })}</span>
                  {session.associate.name}
                </span>
              </span>
            ) : null}
            {session?.associate.role === 'manager' ? (
              <HeaderLink to="/manager" icon="chart" label={t('header.manager')} testId="manager-link" />
            ) : null}
            {session ? (
              <HeaderLink to="/returns" icon="return" label={t('header.returns')} testId="returns-link" />
            ) : null}
            {session ? (
              <HeaderLink to="/labels" icon="printer" label={t('header.labels')} testId="labels-link" />
            ) : null}
            {session ? (
              <HeaderLink
                to="/settings"
                icon="settings"
                label={t('header.settings')}
                testId="settings-link"
              />
            ) : null}
            <LanguageSwitch />
            {session ? <SignOutButton associateId={session.associate.id} /> : null}
          </AppMenu>
        </div>
      </header>
      {session ? <SignedInBar summary={summary} /> : null}
      <main id="main" className="app-main">
        <UpdatePrompt />
        {session ? <PinDialog /> : null}
        {session ? (
          <Suspense fallback={null}>
            <CustomerAlerts />
          </Suspense>
        ) : null}
        <ErrorBoundary key={location.pathname}>
          {/* A page still arriving shows "Loading…" under the header, not instead of it. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** A screen the menu opens: an icon and its name (the name is hidden on a wide header). */
function HeaderLink({
  to,
  icon,
  label,
  testId,
}: {
  to: string;
  icon: IconName;
  label: string;
  testId: string;
}) {
  return (
    <Link to={to} className="app-header__link" data-testid={testId}>
      <Icon name={icon} />
      <span className="app-menu__label">{label}</span>
    </Link>
  );
}

/** Sync status and device notices: only for a signed-in associate. */
function SignedInBar({ summary }: { summary: SyncSummary }) {
  return (
    <div className="sync-bar">
      <SyncStatus summary={summary} />
      <DeviceNotices evicted={summary.evictionNotice} />
    </div>
  );
}

/** How many refused or blocked actions wait for a decision; opens the activity list. */
function AttentionBadge({ attention }: { attention: number }) {
  const { tp } = useI18n();
  if (attention === 0) return null;
  return (
    <Link to="/activity" className="attention-badge" data-testid="attention-badge" data-count={attention}>
      <span aria-hidden="true" className="attention-badge__count">
        {attention}
      </span>
      <span className="visually-hidden">{tp('sync.attention', attention)}</span>
    </Link>
  );
}
