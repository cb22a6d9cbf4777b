import { createContext } from 'react';
import type { Language } from './language';
import type { Translate, TranslatePlural } from './translate';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  tp: TranslatePlural;
  /** BCP 47 tag for Intl formatters. */
  locale: string;
}

export const I18nContext = createContext<I18n | null>(null);
