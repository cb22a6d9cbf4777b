import { Suspense, useEffect } from 'react';
import { BrowserRouter, matchPath, Route, Routes } from 'react-router';
import { getSession } from '../../sync/session-store';
import { Loading } from '../ui/alert';
import { preloadWhenIdle } from './idle-preload';
import { Layout } from './layout';
import { lazyPage, type LazyPage } from './lazy-page';
import { NotFoundPage } from '../common/not-found-page';
import { loadQueryClient, WithQueryClient } from './query-boundary';
import { RequireSession } from './require-session';
import { useSession } from '../common/use-session';

/*
 * Every page is a chunk of its own, so no screen carries another one's code (sign-in never loads
 * the device database). The first screen's page is fetched together with its words, before the
 * first render (loadFirstScreen, main.tsx); the pages an associate uses on the floor are fetched
 * one at a time when the device is idle, and precached by the service worker
 * (docs/decisions/0035-first-screen-and-idle-preloading.md).
 */
const SignInPage = lazyPage(() => import('../sign-in/sign-in-page').then((m) => m.SignInPage));
const QueuePage = lazyPage(() => import('../queue/queue-page').then((m) => m.QueuePage));
const PickPage = lazyPage(() => import('../pick/pick-page').then((m) => m.PickPage));
const StagePage = lazyPage(() => import('../handover/stage-page').then((m) => m.StagePage));
const HandoverPage = lazyPage(() => import('../handover/handover-page').then((m) => m.HandoverPage));
const ActivityPage = lazyPage(() => import('../activity/activity-page').then((m) => m.ActivityPage));
const SettingsPage = lazyPage(() => import('../settings/settings-page').then((m) => m.SettingsPage));
const StockPages = lazyPage(() => import('../stock/stock-pages').then((m) => m.StockPages));
const ShipPage = lazyPage(() => import('../ship/ship-page').then((m) => m.ShipPage));
const BatchPage = lazyPage(() => import('../ship/batch-page').then((m) => m.BatchPage));
const PackPage = lazyPage(() => import('../ship/pack-page').then((m) => m.PackPage));
const ManifestPage = lazyPage(() => import('../ship/manifest-page').then((m) => m.ManifestPage));
const ArrivalsPage = lazyPage(() => import('../arrivals/arrivals-page').then((m) => m.ArrivalsPage));
const ReturnsPages = lazyPage(() => import('../returns/returns-pages').then((m) => m.ReturnsPages));

/*
 * Fetched only when opened, never preloaded nor precached (vite.config.ts lists them): the
 * manager's screens (preloaded for managers only), the printing pages with the barcode renderer
 * (bwip-js), and the screens of public devices and customers' phones.
 */
const ManagerPages = lazyPage(() => import('../manager/manager-pages').then((m) => m.ManagerPages));
const LocationLabelsPage = lazyPage(() =>
  import('../labels/location-labels-page').then((m) => m.LocationLabelsPage),
);
const PickupPassPage = lazyPage(() => import('../labels/pickup-pass-page').then((m) => m.PickupPassPage));
const KiosksPage = lazyPage(() => import('../counter/kiosks-page').then((m) => m.KiosksPage));
const CounterPage = lazyPage(() => import('../counter/counter-page').then((m) => m.CounterPage));
const BoardPage = lazyPage(() => import('../board/board-page').then((m) => m.BoardPage));
const CurbsidePage = lazyPage(() => import('../curbside/curbside-page').then((m) => m.CurbsidePage));
const SubstitutionPage = lazyPage(() =>
  import('../substitution/substitution-page').then((m) => m.SubstitutionPage),
);

/** Public devices and customers' phones: outside the associate shell, no session. */
const publicRoutes: readonly (readonly [string, LazyPage])[] = [
  ['curbside/:token', CurbsidePage],
  ['substitution/:token', SubstitutionPage],
  ['counter', CounterPage],
  ['board', BoardPage],
];

/** The associate's screens, behind RequireSession (the queue is the index route). */
const signedInRoutes: readonly (readonly [string, LazyPage])[] = [
  ['orders/:id', PickPage],
  ['orders/:id/stage', StagePage],
  ['orders/:id/handover', HandoverPage],
  ['orders/:id/pass', PickupPassPage],
  ['orders/:id/pack', PackPage],
  ['ship', ShipPage],
  ['ship/batch', BatchPage],
  ['ship/manifest', ManifestPage],
  ['arrivals', ArrivalsPage],
  ['labels', LocationLabelsPage],
  ['activity', ActivityPage],
  ['settings', SettingsPage],
  ['settings/kiosks', KiosksPage],
  ['stock/*', StockPages],
  ['returns/*', ReturnsPages],
  ['manager/*', ManagerPages],
];

/** The floor's pages, most likely next first: preloaded when idle on every associate's device. */
const floorPages: readonly LazyPage[] = [
  PickPage,
  StagePage,
  HandoverPage,
  ActivityPage,
  StockPages,
  ArrivalsPage,
  ShipPage,
  BatchPage,
  PackPage,
  ManifestPage,
  ReturnsPages,
  SettingsPage,
];

const matches = (path: string, pathname: string) => matchPath(`/${path}`, pathname) !== null;
const isPublicPath = (pathname: string) => publicRoutes.some(([path]) => matches(path, pathname));

/**
 * Fetches the page the app is opening on (and TanStack Query, which every page but the queue
 * uses). main.tsx waits for it, in parallel with the messages, only when it is a first screen
 * (sign-in, the queue, a public device's screen): they render whole, with no "Loading…" in
 * between. Any other page (a reload on an order) is fetched once the words have arrived and
 * the header has painted, so its dozens of files queue neither in front of the words nor of
 * that first paint.
 * What cannot be fetched resolves too: the route shows its loading state or error.
 */
export function loadFirstScreen(pathname: string, wordsArrived: Promise<unknown>): Promise<unknown> {
  const publicPage = publicRoutes.find(([path]) => matches(path, pathname))?.[1];
  const firstScreen =
    publicPage ??
    (matches('sign-in', pathname) || !getSession()
      ? SignInPage
      : matches('', pathname)
        ? QueuePage
        : undefined);
  const page = firstScreen ?? signedInRoutes.find(([path]) => matches(path, pathname))?.[1];
  const load = () =>
    Promise.all(
      [page?.load(), page === QueuePage ? undefined : loadQueryClient()].map((loading) =>
        loading?.catch(() => undefined),
      ),
    );
  if (firstScreen) return load();
  // After the frame that paints the header: a paint waits for nothing that started before it.
  const afterNextPaint = () => requestAnimationFrame(() => setTimeout(() => void load(), 0));
  void wordsArrived.then(afterNextPaint, () => undefined);
  return Promise.resolve();
}

/**
 * The commands' argument validators (contract/sync, a chunk of its own): fetched when idle while
 * the device is online, so a command queued offline is checked without the network whether or
 * not a service worker holds the chunk. Not with the first screen, whose paint they would delay.
 */
const loadCommandValidators = () => import('../../contract/sync');

/**
 * Preloads, when idle, what this device will open next: the queue before a sign-in, the floor's
 * pages after it (and the manager's for a manager). Never on a public device's screens.
 */
function IdlePreload() {
  const session = useSession();
  const signedIn = session !== null;
  const isManager = session?.associate.role === 'manager';
  useEffect(() => {
    if (isPublicPath(window.location.pathname)) return;
    const pages = signedIn ? [...floorPages, ...(isManager ? [ManagerPages] : [])] : [QueuePage];
    return preloadWhenIdle([
      loadQueryClient,
      ...(signedIn ? [loadCommandValidators] : []),
      ...pages.map((page) => page.load),
    ]);
  }, [signedIn, isManager]);
  return null;
}

/** The app's routes: the shell is the only place that knows every feature. */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <IdlePreload />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<WithQueryClient />}>
            {publicRoutes.map(([path, Page]) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
          </Route>
          <Route element={<Layout />}>
            {/* The queue reads only the device database: no TanStack Query on the first screen. */}
            <Route element={<RequireSession />}>
              <Route index element={<QueuePage />} />
            </Route>
            <Route element={<WithQueryClient />}>
              <Route path="sign-in" element={<SignInPage />} />
              <Route element={<RequireSession />}>
                {signedInRoutes.map(([path, Page]) => (
                  <Route key={path} path={path} element={<Page />} />
                ))}
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
