import type { Language } from './language';
import { errorMessageKey, interpolate, type Translate, type Vars } from './translate';

/**
 * A feature's own words, both languages, shipped in the feature's chunk (returns, manager,
 * counter…) so the first screen's JavaScript does not grow with screens most shifts never open.
 * The app's dictionaries keep the words every screen shares.
 */

/** The plural bases of a dictionary: "find.units" when it has "find.units.one" and ".other". */
export type PluralKey<K extends string> = {
  [P in K]: P extends `${infer Base}.one` ? (`${Base}.other` extends K ? Base : never) : never;
}[K];

export type FeatureTranslate<K extends string> = (key: K, vars?: Vars) => string;
export type FeaturePlural<K extends string> = (key: PluralKey<K>, count: number, vars?: Vars) => string;

export interface FeatureDictionary<K extends string> {
  has(key: string): key is K;
  translator(language: Language): FeatureTranslate<K>;
  plural(language: Language, translate: FeatureTranslate<K>): FeaturePlural<K>;
  /** An error in words: the feature's own `errors.<code>` first, else the app's words for it. */
  errorText(translate: FeatureTranslate<K>, t: Translate): (error: unknown) => string;
}

export function errorCodeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';
}

export function featureDictionary<K extends string>(
  dictionaries: Record<Language, Record<K, string>>,
): FeatureDictionary<K> {
  const has = (key: string): key is K => Object.hasOwn(dictionaries.en, key);
  return {
    has,
    translator(language) {
      const messages = dictionaries[language];
      return (key, vars) => interpolate(messages[key] ?? key, vars);
    },
    plural(language, translate) {
      const rules = new Intl.PluralRules(language);
      return (key, count, vars) =>
        translate(`${key}.${rules.select(count) === 'one' ? 'one' : 'other'}` as K, { count, ...vars });
    },
    errorText(translate, t) {
      return (error) => {
        const own = `errors.${errorCodeOf(error)}`;
        return has(own) ? translate(own) : t(errorMessageKey(error));
      };
    },
  };
}
