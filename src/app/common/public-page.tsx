import { useEffect, useState, type ReactNode } from 'react';
import type { Language } from '../i18n/language';
import { LanguageToggle } from './language-toggle';
import './public-page.css';

/**
 * The page's language: the customer's choice on the page, else the one their order was placed in
 * (once the page has read it), else the phone's.
 */
export function usePublicLanguage(ordered: Language | undefined) {
  const [chosen, setChosen] = useState<Language | undefined>();
  const language: Language =
    chosen ?? ordered ?? (navigator.language.toLowerCase().startsWith('it') ? 'it' : 'en');
  return [language, setChosen] as const;
}

/**
 * The frame of a customer's page: the brand and the language toggle above one column (32rem at
 * most, 48 px targets, AA colours from ui/styles.css), the title as its h1 and the tab's name.
 */
export function PublicPage({
  language,
  onLanguage,
  languageLabel,
  title,
  children,
}: {
  language: Language;
  onLanguage: (language: Language) => void;
  languageLabel: string;
  title: string;
  children: ReactNode;
}) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = title;
  }, [language, title]);

  return (
    <div className="public-page">
      <header className="public-page__head">
        <p className="public-page__brand">Aisle</p>
        <LanguageToggle
          label={languageLabel}
          language={language}
          onChoose={onLanguage}
          groupClassName="public-page__languages"
          buttonClassName="public-page__button"
        />
      </header>
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
