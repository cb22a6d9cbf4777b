import { createElement, lazy, type ComponentType } from 'react';

/** A page in a chunk of its own; `load()` fetches it ahead of time (and only once). */
export type LazyPage = ComponentType & { load: () => Promise<unknown> };

/**
 * A page fetched when first shown, or earlier with `load()`: the first screen's page is fetched
 * together with the words it needs (main.tsx), the others when the device is idle
 * (idle-preload.ts). Once loaded it renders at once, with no Suspense fallback in between.
 */
export function lazyPage(importPage: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const load = (): Promise<ComponentType> =>
    (loading ??= importPage().then(
      (page) => (loaded = page),
      (error: unknown) => {
        // A failed fetch (offline, before the page was ever cached) may succeed later.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => load().then((page) => ({ default: page })));
  const Page = () => createElement(loaded ?? Lazy);
  return Object.assign(Page, { load });
}
