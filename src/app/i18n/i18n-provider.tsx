import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n-context';
import { initialLanguage, saveLanguage, type Language } from './language';
import { makeTranslate, makeTranslatePlural } from './translate';

const locales: Record<Language, string> = { en: 'en-GB', it: 'it-IT' };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
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
