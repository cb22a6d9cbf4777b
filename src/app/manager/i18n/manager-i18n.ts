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
import { managerEn } from './manager-en';
import { managerIt } from './manager-it';

/**
 * The manager screens' words, both languages, in the manager chunk only: most devices are
 * associates' and never open these screens, so the first screen's JavaScript stays small.
 */
export type ManagerKey = keyof typeof managerEn;
export type ManagerMessages = Record<ManagerKey, string>;

const words = featureDictionary<ManagerKey>({ en: managerEn, it: managerIt });

export type ManagerPluralKey = PluralKey<ManagerKey>;
export type Mt = FeatureTranslate<ManagerKey>;
export type Mtp = FeaturePlural<ManagerKey>;

export const makeMt = (language: Language): Mt => words.translator(language);
export const makeMtp = (language: Language, mt: Mt): Mtp => words.plural(language, mt);

/** An error in words: the manager's own codes from this dictionary, the others from the app's. */
export const makeManagerErrorText = (mt: Mt, t: Translate): ((error: unknown) => string) =>
  words.errorText(mt, t);

export function useManagerI18n() {
  const i18n = useI18n();
  const { language, locale, t } = i18n;
  const own = useMemo(() => {
    const mt = makeMt(language);
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      mt,
      mtp: makeMtp(language, mt),
      errorText: makeManagerErrorText(mt, t),
      /** The store's currency is the euro (the demo chain's; orders carry it too). */
      euros: (cents: number) => money.format(cents / 100),
      num: (value: number) => number.format(value),
    };
  }, [language, locale, t]);
  return { ...i18n, ...own };
}
