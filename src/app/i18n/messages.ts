import type { Messages } from './en';
import type { Language } from './language';

/**
 * Each language's messages are a chunk of their own, so the first screen downloads one of them,
 * not all. The app loads the starting language before it renders, and another one when the
 * associate switches to it; the service worker precaches both for offline use.
 */
const loaders: Record<Language, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  it: () => import('./it').then((m) => m.it),
};

const loaded = new Map<Language, Messages>();

export async function loadMessages(language: Language): Promise<Messages> {
  const ready = loaded.get(language);
  if (ready) return ready;
  const messages = await loaders[language]();
  loaded.set(language, messages);
  return messages;
}

/** The messages of a language already loaded with loadMessages. */
export function messagesFor(language: Language): Messages {
  const messages = loaded.get(language);
  if (!messages) throw new Error(`The ${language} messages were used before they were loaded`);
  return messages;
}

/** Every language has the same keys (a unit test checks), so any loaded one can answer. */
export function anyLoadedMessages(): Messages | undefined {
  return loaded.values().next().value;
}
