import { lazy, Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { SyncSummary } from '../../local-db/replica-read';
import { useI18n } from '../i18n/use-t';
import { Icon } from '../ui/icon';
import { DeviceNotices } from './device-notices';
import { ErrorBoundary } from './error-boundary';
import { LanguageSwitch } from './language-switch';
import { PinDialog } from './pin-dialog';
import { SignOutButton } from './sign-out-button';
import { SyncStatus } from './sync-status';
import { UpdatePrompt } from './update-prompt';
import { useSession } from './use-session';
import { useSyncEngine } from './use-sync-engine';
import { useSyncSummary } from './use-sync-summary';

/** Customer and new-order alerts: a chunk of their own, loaded once someone is signed in. */
const CustomerAlerts = lazy(() =>
  import('../alerts/customer-alerts').then((m) => ({ default: m.CustomerAlerts })),
);

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  useSyncEngine();
  // One live read of the outbox for the whole header: it re-runs on every outbox change.
  const summary = useSyncSummary(session?.associate.id);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <Link to="/" className="app-header__logo">
            {t('app.name')}
          </Link>
          {session ? (
            <span className="app-header__who">
              <span className="app-header__store">{session.associate.storeName}</span>
              <span className="app-header__associate">
                <span className="visually-hidden">{t('header.signedInAs', { name: '' })}</span>
                {session.associate.name}
              </span>
            </span>
          ) : null}
        </div>
        <div className="app-header__actions">
          <LanguageSwitch />
          {session ? <span id="alert-badge-slot" className="app-header__alerts" /> : null}
          {session ? <AttentionBadge attention={summary.attention} /> : null}
          {session?.associate.role === 'manager' ? (
            <Link to="/manager" className="app-header__link" data-testid="manager-link">
              <Icon name="chart" />
              <span className="visually-hidden">{t('header.manager')}</span>
            </Link>
          ) : null}
          {session ? (
            <Link to="/returns" className="app-header__link" data-testid="returns-link">
              <Icon name="return" />
              <span className="visually-hidden">{t('header.returns')}</span>
            </Link>
          ) : null}
          {session ? (
            <Link to="/labels" className="app-header__link" data-testid="labels-link">
              <Icon name="printer" />
              <span className="visually-hidden">{t('header.labels')}</span>
            </Link>
          ) : null}
          {session ? (
            <Link to="/settings" className="app-header__link" data-testid="settings-link">
              <Icon name="settings" />
              <span className="visually-hidden">{t('header.settings')}</span>
            </Link>
          ) : null}
          {session ? <SignOutButton associateId={session.associate.id} /> : null}
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
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
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
