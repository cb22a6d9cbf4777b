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
  page: 'Page {page} of {pages}',
  pause: 'Stop turning the pages',
  notEnrolled: 'This screen is not set up as the store’s board',
  notEnrolledHint:
    'A store manager opens Settings → Counter kiosk and board on their device and shows an enrollment QR code. Hold it up to this screen’s camera, or scan it with the scanner.',
  codeLabel: 'Enrollment code',
  submit: 'Enroll',
  codeHint: 'A kiosk key created before also works: type or paste it here.',
  enrolling: 'Enrolling this screen…',
  wrongCode: 'That is not a kiosk enrollment code. Scan the QR code on the manager’s screen.',
  signIn: 'Manager sign-in',
  enrollFailed:
    'This code did not work: it may have expired or been used. Ask the manager to show a new one.',
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
  page: 'Pagina {page} di {pages}',
  pause: 'Ferma lo scorrimento delle pagine',
  notEnrolled: 'Questo schermo non è configurato come tabellone del negozio',
  notEnrolledHint:
    'Un responsabile del negozio apre Impostazioni → Chiosco al banco e tabellone sul suo dispositivo e mostra un codice QR di configurazione. Avvicinalo alla fotocamera di questo schermo, oppure scansionalo con lo scanner.',
  codeLabel: 'Codice di configurazione',
  submit: 'Configura',
  codeHint: 'Funziona anche una chiave chiosco creata in precedenza: digitala o incollala qui.',
  enrolling: 'Configurazione dello schermo…',
  wrongCode:
    'Questo non è un codice di configurazione del chiosco. Scansiona il codice QR sullo schermo del responsabile.',
  signIn: 'Accesso responsabile',
  enrollFailed:
    'Questo codice non ha funzionato: potrebbe essere scaduto o già usato. Chiedi al responsabile di mostrarne uno nuovo.',
  revoked: 'Un responsabile ha disattivato questo tabellone.',
};

export function boardWords(language: Language): BoardWords {
  return language === 'it' ? boardIt : boardEn;
}
