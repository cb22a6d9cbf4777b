import { useMemo } from 'react';
import type { Language } from '../../i18n/language';
import {
  featureDictionary,
  type FeaturePlural,
  type FeatureTranslate,
  type PluralKey,
} from '../../i18n/feature-dictionary';
import type { Translate } from '../../i18n/translate';
import { useI18n } from '../../i18n/use-t';
import { returnsEn } from './returns-en';
import { returnsIt } from './returns-it';

/**
 * The return counter's words live in its own chunk, both languages: they are only downloaded
 * with the returns screens, so the first screen's JavaScript does not grow by a feature that
 * most shifts open a few times (the app's dictionaries keep the words other screens share, like
 * the activity list's "Customer return" and the return error codes).
 */
export type ReturnsKey = keyof typeof returnsEn;
export type ReturnsMessages = Record<ReturnsKey, string>;

const words = featureDictionary<ReturnsKey>({ en: returnsEn, it: returnsIt });

export type ReturnsPluralKey = PluralKey<ReturnsKey>;
export type Rt = FeatureTranslate<ReturnsKey>;
export type Rtp = FeaturePlural<ReturnsKey>;

export const isReturnsKey = words.has;
export const makeRt = (language: Language): Rt => words.translator(language);
export const makeRtp = (language: Language, rt: Rt): Rtp => words.plural(language, rt);

export interface Formatters {
  /** Cents in the order's currency, in the UI language: "€ 12,50" / "€12.50". */
  money: (cents: number, currency: string) => string;
  /** A calendar date "YYYY-MM-DD" as the language writes it. */
  day: (isoDate: string) => string;
  /** An instant's date and time. */
  dateTime: (iso: string) => string;
  /** An instant's date. */
  date: (iso: string) => string;
}

export function makeFormatters(locale: string): Formatters {
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    money: (cents, currency) => {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      return format.format(cents / 100);
    },
    day: (isoDate) => {
      const date = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : dayFormat.format(date);
    },
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
    },
    date: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
    },
  };
}

/**
 * An error in words: the return counter's own codes (a manager's decision, an override) from its
 * dictionary, every other code from the app's, else the generic message.
 */
export const makeErrorText = (rt: Rt, t: Translate): ((error: unknown) => string) => words.errorText(rt, t);

/** The app's i18n plus the return counter's own words and formatters. */
export function useReturnsI18n() {
  const i18n = useI18n();
  const { language, locale, t } = i18n;
  const own = useMemo(() => {
    const rt = makeRt(language);
    return { rt, rtp: makeRtp(language, rt), errorText: makeErrorText(rt, t), ...makeFormatters(locale) };
  }, [language, locale, t]);
  return { ...i18n, ...own };
}
