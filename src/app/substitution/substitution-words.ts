import { publicWords } from '../common/public-words';

/** The customer's substitution page in both languages (en is the reference). */
const en = {
  title: 'A substitute for your order',
  order: 'Order {number} · {store}',
  intro: 'We could not find an item you ordered. May we give you this instead?',
  ordered: 'You ordered',
  offered: 'We can give you instead',
  each: '{price} each',
  quantity: 'Quantity: {qty}',
  noPicture: 'No picture',
  cheaper: 'It costs {amount} less each: we refund you {refund}.',
  same: 'It costs the same.',
  dearer: 'It costs {amount} more each, which we do not charge you.',
  declineRefund: 'If you decline, we remove it and refund you {refund}.',
  deadline: 'Please answer by {time}. Without an answer we remove it and refund you.',
  accept: 'Yes, I’ll take it',
  decline: 'No, remove it',
  sending: 'Sending…',
  accepted: 'Thanks! We’ll put it in your order.',
  declined: 'Done: we removed it from your order and will refund you.',
  picked: 'This substitute is already in your order.',
  notPending: 'This question is closed: it was answered, or the time to answer has passed.',
  notFound: 'This link does not work. Check the message we sent you.',
  expired: 'This link has expired.',
  tooMany: 'Too many tries. Wait a minute, then try again.',
  offline: 'No connection. Check your signal and try again.',
  error: 'Something went wrong. Try again, or call the store.',
  loading: 'Loading…',
  language: 'Language',
};

const it: Record<keyof typeof en, string> = {
  title: 'Un sostituto per il tuo ordine',
  order: 'Ordine {number} · {store}',
  intro: 'Non abbiamo trovato un articolo che hai ordinato. Possiamo darti questo al suo posto?',
  ordered: 'Hai ordinato',
  offered: 'Possiamo darti invece',
  each: '{price} al pezzo',
  quantity: 'Quantità: {qty}',
  noPicture: 'Nessuna foto',
  cheaper: 'Costa {amount} in meno al pezzo: ti rimborsiamo {refund}.',
  same: 'Costa lo stesso.',
  dearer: 'Costa {amount} in più al pezzo, che non ti addebitiamo.',
  declineRefund: 'Se rifiuti, lo togliamo e ti rimborsiamo {refund}.',
  deadline: 'Rispondi entro le {time}. Senza risposta lo togliamo e ti rimborsiamo.',
  accept: 'Sì, lo prendo',
  decline: 'No, toglilo',
  sending: 'Invio…',
  accepted: 'Grazie! Lo mettiamo nel tuo ordine.',
  declined: 'Fatto: l’abbiamo tolto dal tuo ordine e ti rimborsiamo.',
  picked: 'Questo sostituto è già nel tuo ordine.',
  notPending: 'Questa domanda è chiusa: ha già una risposta, o il tempo per rispondere è passato.',
  notFound: 'Questo link non funziona. Controlla il messaggio che ti abbiamo inviato.',
  expired: 'Questo link è scaduto.',
  tooMany: 'Troppi tentativi. Attendi un minuto e riprova.',
  offline: 'Nessuna connessione. Controlla il segnale e riprova.',
  error: 'Qualcosa è andato storto. Riprova, o chiama il negozio.',
  loading: 'Caricamento…',
  language: 'Lingua',
};

export type SubstitutionKey = keyof typeof en;

export const substitutionWords = publicWords(en, it);

/** An API error code in the customer's words. */
export function substitutionErrorKey(code: string): SubstitutionKey {
  switch (code) {
    case 'curbside.notFound':
      return 'notFound';
    case 'curbside.expired':
      return 'expired';
    case 'substitution.notPending':
      return 'notPending';
    case 'request.rateLimited':
      return 'tooMany';
    case 'network.offline':
      return 'offline';
    default:
      return 'error';
  }
}
