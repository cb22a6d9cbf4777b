import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n/i18n-provider';

/**
 * What every screen needs. TanStack Query's client is provided by the routes that use it
 * (query-boundary.tsx), not here: the queue does not need its code.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <I18nProvider>{children}</I18nProvider>;
}
