import { useMemo } from 'react';
import type { Language } from '../../i18n/language';
import { errorCodeOf, featureDictionary, type FeatureTranslate } from '../../i18n/feature-dictionary';
import { useI18n } from '../../i18n/use-t';
import { counterEn } from './counter-en';
import { counterIt } from './counter-it';

/** The counter's words travel in its own chunk, so the associates' first screen stays small. */
export type CounterKey = keyof typeof counterEn;
export type CounterMessages = Record<CounterKey, string>;
export type Ct = FeatureTranslate<CounterKey>;

const words = featureDictionary<CounterKey>({ en: counterEn, it: counterIt });

export const isCounterKey = words.has;
export const makeCt = (language: Language): Ct => words.translator(language);

/** An error in the customer's words: what happened and what to do next. */
export function counterErrorText(ct: Ct, error: unknown): string {
  const code = errorCodeOf(error);
  const key = `errors.${code}`;
  return isCounterKey(key) ? ct(key) : ct('errors.other');
}

export function useCounterI18n() {
  const i18n = useI18n();
  const { language } = i18n;
  const ct = useMemo(() => makeCt(language), [language]);
  return { ...i18n, ct };
}
