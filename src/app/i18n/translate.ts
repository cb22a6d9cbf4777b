import { en, type MessageKey, type Messages } from './en';
import { it } from './it';
import type { Language } from './language';

export const dictionaries: Record<Language, Messages> = { en, it };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Keys that come in `.one` / `.other` pairs, e.g. "queue.items". */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];
export type TranslatePlural = (key: PluralKey, count: number, vars?: Vars) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}

export function makeTranslate(language: Language): Translate {
  const messages = dictionaries[language];
  return (key, vars) => interpolate(messages[key] ?? en[key] ?? key, vars);
}

export function makeTranslatePlural(language: Language, t: Translate): TranslatePlural {
  const rules = new Intl.PluralRules(language);
  return (key, count, vars) => {
    const form = rules.select(count) === 'one' ? 'one' : 'other';
    return t(`${key}.${form}`, { count, ...vars });
  };
}

/** The words for an error: its code's translation, or the generic fallback. */
export function errorMessageKey(error: unknown): MessageKey {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  const key = code ? `errors.${code}` : '';
  return isMessageKey(key) ? key : 'errors.generic';
}
