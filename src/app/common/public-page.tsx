import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { isApiError } from '../../sync/api-error';
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
 * What a customer's link shows, read from the server when the page opens and on `reload`, and
 * the problem, if any, as the page's word for the API's error code (`unexpected` when it has none).
 * `show` puts an answer on the page; `fail` says why something did not work.
 */
export function useLinkView<View, Key>(
  token: string,
  read: (token: string) => Promise<View>,
  problemOf: (code: string) => Key,
) {
  const [view, setView] = useState<View | undefined>();
  const [problem, setProblem] = useState<Key | undefined>();
  const show = useCallback((next: View) => {
    setView(next);
    setProblem(undefined);
  }, []);
  const fail = useCallback(
    (error: unknown) => setProblem(problemOf(isApiError(error) ? error.code : 'unexpected')),
    [problemOf],
  );
  const reload = useCallback(async () => {
    try {
      show(await read(token));
    } catch (error) {
      fail(error);
    }
  }, [token, read, show, fail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { view, problem, show, fail, reload };
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
        <LanguageToggle block="public-page" label={languageLabel} language={language} onChoose={onLanguage} />
      </header>
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
