import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n-context';
import { initialLanguage, saveLanguage, type Language } from './language';
import { loadMessages } from './messages';
import { makeTranslate, makeTranslatePlural } from './translate';

const locales: Record<Language, string> = { en: 'en-GB', it: 'it-IT' };

/** Render it once the starting language's messages are loaded (main.tsx does). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    // Offline the service worker serves the chunk; if it still fails, the language stays as it is.
    loadMessages(next).then(
      () => setLanguageState(next),
      (error: unknown) => console.error(`Could not load the ${next} messages`, error),
    );
  }, []);

  useEffect(() => {
    // Screen readers pick their voice from the page language.
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const t = makeTranslate(language);
    return { language, setLanguage, t, tp: makeTranslatePlural(language, t), locale: locales[language] };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
