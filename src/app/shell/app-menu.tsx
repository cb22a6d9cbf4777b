import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/use-t';

/**
 * The header's menu: on a handheld a button that opens a panel (who is signed in, language,
 * the less used screens, sign out); on a wide screen the same panel sits in the header row and
 * the button is hidden (styles.css, `.app-menu`). A disclosure, not an ARIA menu: its items are
 * ordinary links and buttons, reached with Tab. Escape, a tap outside or a new page closes it.
 */
export function AppMenu({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="app-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="app-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="menu-toggle"
      >
        <span className="app-menu__bars" aria-hidden="true" />
        <span className="visually-hidden">{t('header.menu')}</span>
      </button>
      <div id={panelId} className={`app-menu__panel${open ? ' app-menu__panel--open' : ''}`}>
        {children}
      </div>
    </div>
  );
}
