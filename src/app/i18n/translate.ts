import type { MessageKey } from './en';
import type { Language } from './language';
import { anyLoadedMessages, messagesFor } from './messages';

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
  const messages = anyLoadedMessages();
  return messages !== undefined && Object.hasOwn(messages, key);
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}

/** The language's messages must be loaded first (loadMessages). */
export function makeTranslate(language: Language): Translate {
  const messages = messagesFor(language);
  return (key, vars) => interpolate(messages[key] ?? key, vars);
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
