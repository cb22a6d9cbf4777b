import { useMemo } from 'react';
import type { Language } from '../../i18n/language';
import { interpolate, type Vars } from '../../i18n/translate';
import { useI18n } from '../../i18n/use-t';
import { counterEn } from './counter-en';
import { counterIt } from './counter-it';

/** The counter's words travel in its own chunk, so the associates' first screen stays small. */
export type CounterKey = keyof typeof counterEn;
export type CounterMessages = Record<CounterKey, string>;
export type Ct = (key: CounterKey, vars?: Vars) => string;

const dictionaries: Record<Language, CounterMessages> = { en: counterEn, it: counterIt };

export function isCounterKey(key: string): key is CounterKey {
  return Object.hasOwn(counterEn, key);
}

export function makeCt(language: Language): Ct {
  const messages = dictionaries[language];
  return (key, vars) => interpolate(messages[key] ?? key, vars);
}

/** An error in the customer's words: what happened and what to do next. */
export function counterErrorText(ct: Ct, error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : '';
  const key = `errors.${code}`;
  if (code === 'kiosk.tooManyTries') {
    const details = (error as { details?: { retryAfterSeconds?: unknown } }).details;
    const seconds = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 900;
    return ct('errors.kiosk.tooManyTries', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return isCounterKey(key) ? ct(key) : ct('errors.other');
}

export function useCounterI18n() {
  const i18n = useI18n();
  const { language } = i18n;
  const ct = useMemo(() => makeCt(language), [language]);
  return { ...i18n, ct };
}
