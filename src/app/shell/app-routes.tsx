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
 * of its own, fetched once the first screen is in use (and precached by the service worker, so
 * a page opens offline as fast as the queue does).
 */
const pageLoaders = {
  pick: () => import('../pick/pick-page').then((m) => ({ default: m.PickPage })),
  stage: () => import('../handover/stage-page').then((m) => ({ default: m.StagePage })),
  handover: () => import('../handover/handover-page').then((m) => ({ default: m.HandoverPage })),
  activity: () => import('../activity/activity-page').then((m) => ({ default: m.ActivityPage })),
  settings: () => import('../settings/settings-page').then((m) => ({ default: m.SettingsPage })),
  stock: () => import('../stock/stock-pages').then((m) => ({ default: m.StockPages })),
  ship: () => import('../ship/ship-page').then((m) => ({ default: m.ShipPage })),
  batch: () => import('../ship/batch-page').then((m) => ({ default: m.BatchPage })),
  pack: () => import('../ship/pack-page').then((m) => ({ default: m.PackPage })),
  manifest: () => import('../ship/manifest-page').then((m) => ({ default: m.ManifestPage })),
  arrivals: () => import('../arrivals/arrivals-page').then((m) => ({ default: m.ArrivalsPage })),
  returns: () => import('../returns/returns-pages').then((m) => ({ default: m.ReturnsPages })),
  manager: () => import('../manager/manager-pages').then((m) => ({ default: m.ManagerPages })),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

/*
 * The printing pages carry the barcode renderer (bwip-js), which no other screen needs: they
 * are chunks of their own too, but fetched only when opened, not preloaded on every device.
 */
const LocationLabelsPage = lazy(() =>
  import('../labels/location-labels-page').then((m) => ({ default: m.LocationLabelsPage })),
);
/* The counter kiosk and the board run on enrolled public devices, without an associate. */
const CounterPage = lazy(() => import('../counter/counter-page').then((m) => ({ default: m.CounterPage })));
const KiosksPage = lazy(() => import('../counter/kiosks-page').then((m) => ({ default: m.KiosksPage })));
const BoardPage = lazy(() => import('../board/board-page').then((m) => ({ default: m.BoardPage })));
const PickupPassPage = lazy(() =>
  import('../labels/pickup-pass-page').then((m) => ({ default: m.PickupPassPage })),
);

/** The customer's curbside page (public, outside the associate shell): fetched only when opened. */
const CurbsidePage = lazy(() =>
  import('../curbside/curbside-page').then((m) => ({ default: m.CurbsidePage })),
);

const PickPage = lazy(pageLoaders.pick);
const StagePage = lazy(pageLoaders.stage);
const HandoverPage = lazy(pageLoaders.handover);
const ActivityPage = lazy(pageLoaders.activity);
const SettingsPage = lazy(pageLoaders.settings);
const StockPages = lazy(pageLoaders.stock);
const ShipPage = lazy(pageLoaders.ship);
const BatchPage = lazy(pageLoaders.batch);
const PackPage = lazy(pageLoaders.pack);
const ManifestPage = lazy(pageLoaders.manifest);
const ArrivalsPage = lazy(pageLoaders.arrivals);
const ReturnsPages = lazy(pageLoaders.returns);
const ManagerPages = lazy(pageLoaders.manager);

/**
 * The other pages are fetched once the associate starts using the app (the first tap or key),
 * or after a few quiet seconds: never while the first screen is still loading.
 */
function usePreloadPages(): void {
  useEffect(() => {
    // A customer's phone on the curbside page needs none of the associates' screens.
    if (window.location.pathname.startsWith('/curbside/')) return;
    const events = ['pointerdown', 'keydown'] as const;
    const preload = () => {
      stop();
      for (const load of Object.values(pageLoaders)) void load().catch(() => undefined);
    };
    const timer = setTimeout(preload, 5_000);
    function stop() {
      clearTimeout(timer);
      for (const event of events) window.removeEventListener(event, preload, true);
    }
    for (const event of events) window.addEventListener(event, preload, { capture: true, passive: true });
    return stop;
  }, []);
}

/** The app's routes: the shell is the only place that knows every feature. */
export function AppRoutes() {
  usePreloadPages();
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="curbside/:token" element={<CurbsidePage />} />
          <Route path="counter" element={<CounterPage />} />
          <Route path="board" element={<BoardPage />} />
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<QueuePage />} />
              <Route path="orders/:id" element={<PickPage />} />
              <Route path="orders/:id/stage" element={<StagePage />} />
              <Route path="orders/:id/handover" element={<HandoverPage />} />
              <Route path="orders/:id/pass" element={<PickupPassPage />} />
              <Route path="orders/:id/pack" element={<PackPage />} />
              <Route path="ship" element={<ShipPage />} />
              <Route path="ship/batch" element={<BatchPage />} />
              <Route path="ship/manifest" element={<ManifestPage />} />
              <Route path="arrivals" element={<ArrivalsPage />} />
              <Route path="labels" element={<LocationLabelsPage />} />
              <Route path="activity" element={<ActivityPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="settings/kiosks" element={<KiosksPage />} />
              <Route path="stock/*" element={<StockPages />} />
              <Route path="returns/*" element={<ReturnsPages />} />
              <Route path="manager/*" element={<ManagerPages />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
