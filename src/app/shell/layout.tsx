import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from '../../sync/api-client';
import { useT } from '../i18n/use-t';
import { ErrorBoundary } from './error-boundary';
import { LanguageSwitch } from './language-switch';
import { UpdatePrompt } from './update-prompt';
import { useSession } from './use-session';

export function Layout() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    setSigningOut(false);
    void navigate('/sign-in', { replace: true });
  };

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
          {session ? (
            <button type="button" className="btn btn--header" onClick={onSignOut} disabled={signingOut}>
              {t('header.signOut')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main">
        <UpdatePrompt />
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
