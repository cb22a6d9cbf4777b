import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/not-found-page';
import { useSession } from '../common/use-session';
import { PageHeading } from '../ui/page-heading';
import { useManagerI18n } from './i18n/manager-i18n';
import { KpiPage } from './kpi-page';
import { ManagerQueuePage } from './manager-queue-page';
import './manager.css';

/** The manager's screens (issue 7): one lazy chunk under /manager, for the manager role only. */
export function ManagerPages() {
  const { mt } = useManagerI18n();
  const session = useSession();
  if (session?.associate.role !== 'manager') {
    // The server refuses the data anyway (403); this says why instead of showing errors.
    return (
      <div className="stack">
        <PageHeading>{mt('only.title')}</PageHeading>
        <p>{mt('only.body')}</p>
      </div>
    );
  }
  return (
    <div className="stack manager">
      <nav className="manager-nav" aria-label={mt('nav.label')}>
        <NavLink to="/manager" end className="manager-nav__link">
          {mt('nav.queue')}
        </NavLink>
        <NavLink to="/manager/kpis" className="manager-nav__link">
          {mt('nav.kpis')}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<ManagerQueuePage />} />
        <Route path="kpis" element={<KpiPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
