import { useMemo } from 'react';
import type { Language } from '../../i18n/language';
import { errorMessageKey, interpolate, type Translate, type Vars } from '../../i18n/translate';
import { useI18n } from '../../i18n/use-t';
import { managerEn } from './manager-en';
import { managerIt } from './manager-it';

/**
 * The manager screens' words, both languages, in the manager chunk only: most devices are
 * associates' and never open these screens, so the first screen's JavaScript stays small.
 */
export type ManagerKey = keyof typeof managerEn;
export type ManagerMessages = Record<ManagerKey, string>;

const dictionaries: Record<Language, ManagerMessages> = { en: managerEn, it: managerIt };

export type ManagerPluralKey = {
  [K in ManagerKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends ManagerKey
      ? Base
      : never
    : never;
}[ManagerKey];

export type Mt = (key: ManagerKey, vars?: Vars) => string;
export type Mtp = (key: ManagerPluralKey, count: number, vars?: Vars) => string;

export function makeMt(language: Language): Mt {
  const messages = dictionaries[language];
  return (key, vars) => interpolate(messages[key] ?? key, vars);
}

export function makeMtp(language: Language, mt: Mt): Mtp {
  const rules = new Intl.PluralRules(language);
  return (key, count, vars) =>
    mt(`${key}.${rules.select(count) === 'one' ? 'one' : 'other'}` as ManagerKey, { count, ...vars });
}

/** An error in words: the manager's own codes from this dictionary, the others from the app's. */
export function makeManagerErrorText(mt: Mt, t: Translate): (error: unknown) => string {
  return (error) => {
    const code =
      typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
        ? error.code
        : '';
    const own = `errors.${code}`;
    return Object.hasOwn(managerEn, own) ? mt(own as ManagerKey) : t(errorMessageKey(error));
  };
}

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
