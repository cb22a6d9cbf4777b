import { useMemo } from 'react';
import { featureDictionary, type FeatureTranslate } from '../../i18n/feature-dictionary';
import { useI18n } from '../../i18n/use-t';
import { shelfEn } from './shelf-en';
import { shelfIt } from './shelf-it';

/** Find and count words travel in the shelf camera's own chunk. */
export type ShelfKey = keyof typeof shelfEn;
export type ShelfMessages = Record<ShelfKey, string>;
export type St = FeatureTranslate<ShelfKey>;

const words = featureDictionary<ShelfKey>({ en: shelfEn, it: shelfIt });

export function useShelfI18n() {
  const i18n = useI18n();
  const { language } = i18n;
  return useMemo(() => {
    const st = words.translator(language);
    return { ...i18n, st, stp: words.plural(language, st) };
  }, [i18n, language]);
}
