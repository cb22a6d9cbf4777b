import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueuePage } from '../queue/queue-page';
import { SignInPage } from '../sign-in/sign-in-page';
import { Loading } from '../ui/alert';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

/**
 * The first screens (sign-in, the queue) are in the initial bundle; every other page is a chunk
 * of its own, fetched once the first screen is up (and precached by the service worker, so a
 * page opens offline as fast as the queue does).
 */
const pageLoaders = {
  pick: () => import('../pick/pick-page').then((m) => ({ default: m.PickPage })),
  stage: () => import('../handover/stage-page').then((m) => ({ default: m.StagePage })),
  handover: () => import('../handover/handover-page').then((m) => ({ default: m.HandoverPage })),
  activity: () => import('../activity/activity-page').then((m) => ({ default: m.ActivityPage })),
  settings: () => import('../settings/settings-page').then((m) => ({ default: m.SettingsPage })),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

const PickPage = lazy(pageLoaders.pick);
const StagePage = lazy(pageLoaders.stage);
const HandoverPage = lazy(pageLoaders.handover);
const ActivityPage = lazy(pageLoaders.activity);
const SettingsPage = lazy(pageLoaders.settings);

function usePreloadPages(): void {
  useEffect(() => {
    const preload = () => {
      for (const load of Object.values(pageLoaders)) void load().catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(preload, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(preload, 500);
    return () => clearTimeout(timer);
  }, []);
}

/** The app's routes: the shell is the only place that knows every feature. */
export function AppRoutes() {
  usePreloadPages();
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<QueuePage />} />
              <Route path="orders/:id" element={<PickPage />} />
              <Route path="orders/:id/stage" element={<StagePage />} />
              <Route path="orders/:id/handover" element={<HandoverPage />} />
              <Route path="activity" element={<ActivityPage />} />
              <Route path="settings" element={<SettingsPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
