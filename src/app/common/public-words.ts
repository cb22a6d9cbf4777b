import type { Language } from '../i18n/language';

/**
 * A customer's page on their own phone, from a link (curbside, substitution): no sign-in and
 * not the associates' dictionaries, so each page carries its words in both languages (en is the
 * reference) and this turns them into its `w(key, vars)`.
 */
export function publicWords<Key extends string>(en: Record<Key, string>, it: Record<Key, string>) {
  return (language: Language) => {
    const words = language === 'it' ? it : en;
    return (key: Key, vars: Record<string, string> = {}) =>
      words[key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  };
}
