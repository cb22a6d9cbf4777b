import { useCallback, useEffect, type ReactNode } from 'react';
import { languages } from '../i18n/language';
import { useI18n } from '../i18n/use-t';
import './kiosk-frame.css';

const names = { en: 'English', it: 'Italiano' } as const;

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
        <div className="kiosk__languages" role="group" aria-label={languageLabel}>
          {languages.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              className="kiosk__language"
              aria-pressed={language === code}
              onClick={() => setLanguage(code)}
            >
              {names[code]}
            </button>
          ))}
        </div>
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
