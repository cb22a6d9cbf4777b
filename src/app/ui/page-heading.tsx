import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/**
 * The page's h1. It takes focus when the page opens, so a screen reader announces the new
 * screen, and no text field holds focus: the hardware scanner's keystrokes reach the page.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const t = useT();
  // The tab, the task switcher and a screen reader's first words name the screen (and the
  // order, which every order page's heading holds): "Stage order 1042 · Aisle".
  useEffect(() => {
    const text = ref.current?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) document.title = `${text} · ${t('app.name')}`;
  });
  useEffect(() => () => void (document.title = t('app.name')), [t]);
  useEffect(() => {
    const active = document.activeElement;
    // Don't steal focus from a field the user is already typing in.
    if (active && active !== document.body && active.matches('input, textarea, select')) return;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
