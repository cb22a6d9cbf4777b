import type { Language } from '../i18n/language';

/** The board's few words, both languages, in its own chunk. */
const boardEn = {
  title: 'Online order pickup',
  language: 'Language',
  preparing: 'Being prepared',
  ready: 'Ready for pickup',
  readyHint: 'Your order is ready: check in at the counter.',
  none: 'None right now',
  updated: 'Updated {time}',
  stale: 'Trying to reconnect…',
  notEnrolled: 'This screen is not set up as the store’s board',
  notEnrolledHint:
    'A store manager sets it up: Settings → Counter kiosk → "Use this device as the kiosk", then open /board.',
  revoked: 'A manager switched this board off.',
};

export type BoardWords = typeof boardEn;

const boardIt: BoardWords = {
  title: 'Ritiro ordini online',
  language: 'Lingua',
  preparing: 'In preparazione',
  ready: 'Pronti per il ritiro',
  readyHint: 'Il tuo ordine è pronto: registrati al banco.',
  none: 'Nessuno al momento',
  updated: 'Aggiornato alle {time}',
  stale: 'Tentativo di riconnessione…',
  notEnrolled: 'Questo schermo non è configurato come tabellone del negozio',
  notEnrolledHint:
    'Lo configura un responsabile: Impostazioni → Chiosco al banco → "Usa questo dispositivo come chiosco", poi apri /board.',
  revoked: 'Un responsabile ha disattivato questo tabellone.',
};

export function boardWords(language: Language): BoardWords {
  return language === 'it' ? boardIt : boardEn;
}
