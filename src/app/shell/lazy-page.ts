import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page in a chunk of its own; `load()` fetches it ahead of time (and only once). */
export type LazyPage = ComponentType & { load: () => Promise<unknown> };

/** Counts the times the network came back: a page whose code failed to arrive tries again once each time. */
let networkReturns = 0;
if (typeof window !== 'undefined') window.addEventListener('online', () => (networkReturns += 1));

/**
 * A page fetched when first shown, or earlier with `load()`: the first screen's page is fetched
 * together with the words it needs (main.tsx), the others when the device is idle
 * (idle-preload.ts). Once loaded it renders at once, with no Suspense fallback in between.
 *
 * A fetch that fails (offline, before the page was ever cached) may succeed later. React keeps a
 * lazy component's failure for ever, so once the network has come back since the failure, the
 * next render (the error boundary trying again) uses a fresh one that fetches afresh. Not
 * sooner: React renders a failed screen twice, and a fresh fetch each time would never settle.
 */
export function lazyPage(importPage: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const load = (): Promise<ComponentType> =>
    (loading ??= importPage().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  let failedAt: number | null = null;
  const makeLazy = (): LazyExoticComponent<ComponentType> =>
    lazy(() =>
      load().then(
        (page) => ({ default: page }),
        (error: unknown) => {
          failedAt = networkReturns;
          throw error;
        },
      ),
    );
  let Lazy = makeLazy();
  const Page = () => {
    if (!loaded && failedAt !== null && failedAt < networkReturns) {
      failedAt = null;
      Lazy = makeLazy();
    }
    return createElement(loaded ?? Lazy);
  };
  return Object.assign(Page, { load });
}
