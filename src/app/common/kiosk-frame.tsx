import { useCallback, useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/use-t';
import { LanguageToggle } from './language-toggle';
import './kiosk-frame.css';

/**
 * A public screen in the store (the counter kiosk, the board): no associate header, large type,
 * and a language toggle that names each language in itself.
 */
export function KioskFrame({
  title,
  store,
  languageLabel,
  fill = false,
  children,
}: {
  title: string;
  store?: string;
  languageLabel: string;
  /** Exactly the screen's height, never scrolled (the board): the page sizes its content to fit. */
  fill?: boolean;
  children: ReactNode;
}) {
  const { language, setLanguage } = useI18n();
  return (
    <div className={fill ? 'kiosk kiosk--fill' : 'kiosk'} lang={language}>
      <header className="kiosk__header">
        <h1 className="kiosk__title">
          {title}
          {store ? <span className="kiosk__store"> · {store}</span> : null}
        </h1>
        <LanguageToggle block="kiosk" label={languageLabel} language={language} onChoose={setLanguage} />
      </header>
      <main id="main" className="kiosk__main">
        {children}
      </main>
    </div>
  );
}

/**
 * Customers in an Italian store read Italian first: a kiosk screen starts in it, and the
 * returned function puts it back for the next customer.
 */
export function useKioskDefaultLanguage(): () => void {
  const { setLanguage } = useI18n();
  const toItalian = useCallback(() => setLanguage('it'), [setLanguage]);
  // Once, when the kiosk screen opens (setLanguage is stable).
  useEffect(toItalian, [toItalian]);
  return toItalian;
}
