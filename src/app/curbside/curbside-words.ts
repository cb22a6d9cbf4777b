import { publicWords } from '../common/public-words';

/** The customer's curbside page in both languages (en is the reference). */
const en = {
  title: 'Curbside pickup',
  order: 'Order {number} · {store}',
  intro: 'Tell us where you parked and we’ll bring your order to your car.',
  spot: 'Parking spot number',
  spotHint: 'The number painted on the bay, e.g. 4',
  make: 'Car make',
  makeHint: 'e.g. Fiat',
  colour: 'Colour',
  colourHint: 'e.g. red',
  plate: 'Number plate (optional)',
  here: 'I’m here',
  sending: 'Sending…',
  arrived: 'Thanks! We told the store you are in spot {spot}. An associate is on the way.',
  onTheWay: 'An associate is on the way to spot {spot} with your order.',
  change: 'Moved? Update your spot and car',
  handedOver: 'Your order was handed over. Enjoy!',
  closed: 'This order is no longer waiting for pickup. If you need help, call the store.',
  waitingCar: 'Your car: {car}',
  notFound: 'This link does not work. Check the e-mail, or ask at the pickup counter.',
  expired: 'This link has expired: the store no longer holds this order.',
  notReady: 'Your order is not ready for pickup yet. We will tell you when it is.',
  tooMany: 'Too many tries. Wait a minute, then try again.',
  invalid: 'Check the fields: use letters and numbers only.',
  offline: 'No connection. Check your signal and try again.',
  error: 'Something went wrong. Try again, or ask at the pickup counter.',
  loading: 'Loading your order…',
  substitutions: 'Substitutions',
  instead: '{substitute} × {qty} instead of {ordered}',
  removed: '{ordered} × {qty}: removed and refunded',
  waitingAnswer: '{substitute} × {qty} instead of {ordered}: waiting for your answer',
  language: 'Language',
  itemsTitle: 'At the counter',
  collected: 'Collected: {qty} × {name}',
  refused: 'Refused, money refunded: {qty} × {name}',
  waiting: 'Still waiting for you: {qty} × {name}',
};
const it: typeof en = {
  title: 'Ritiro in auto',
  order: 'Ordine {number} · {store}',
  intro: 'Dicci dove hai parcheggiato e ti portiamo l’ordine all’auto.',
  spot: 'Numero del posto auto',
  spotHint: 'Il numero dipinto sul posto, ad es. 4',
  make: 'Marca dell’auto',
  makeHint: 'ad es. Fiat',
  colour: 'Colore',
  colourHint: 'ad es. rossa',
  plate: 'Targa (facoltativa)',
  here: 'Sono arrivato',
  sending: 'Invio in corso…',
  arrived: 'Grazie! Abbiamo avvisato il negozio che sei al posto {spot}. Un addetto sta arrivando.',
  onTheWay: 'Un addetto sta arrivando al posto {spot} con il tuo ordine.',
  change: 'Ti sei spostato? Aggiorna posto e auto',
  handedOver: 'Il tuo ordine è stato consegnato. Buon divertimento!',
  closed: 'Questo ordine non è più in attesa di ritiro. Se ti serve aiuto, chiama il negozio.',
  waitingCar: 'La tua auto: {car}',
  notFound: 'Questo link non funziona. Controlla l’e-mail o chiedi al banco ritiri.',
  expired: 'Questo link è scaduto: il negozio non tiene più da parte questo ordine.',
  notReady: 'Il tuo ordine non è ancora pronto per il ritiro. Te lo diremo quando lo sarà.',
  tooMany: 'Troppi tentativi. Aspetta un minuto e riprova.',
  invalid: 'Controlla i campi: usa solo lettere e numeri.',
  offline: 'Nessuna connessione. Controlla il segnale e riprova.',
  error: 'Qualcosa è andato storto. Riprova o chiedi al banco ritiri.',
  loading: 'Caricamento dell’ordine…',
  substitutions: 'Sostituzioni',
  instead: '{substitute} × {qty} al posto di {ordered}',
  removed: '{ordered} × {qty}: tolto e rimborsato',
  waitingAnswer: '{substitute} × {qty} al posto di {ordered}: attende la tua risposta',
  language: 'Lingua',
  itemsTitle: 'Al banco',
  collected: 'Ritirato: {qty} × {name}',
  refused: 'Rifiutato, importo rimborsato: {qty} × {name}',
  waiting: 'Ti aspetta ancora: {qty} × {name}',
};

export type CurbsideKey = keyof typeof en;

export const curbsideWords = publicWords(en, it);

/** An API error code in the customer's words. */
export function errorKey(code: string): CurbsideKey {
  switch (code) {
    case 'curbside.notFound':
      return 'notFound';
    case 'curbside.expired':
      return 'expired';
    case 'curbside.notReady':
      return 'notReady';
    case 'request.rateLimited':
      return 'tooMany';
    case 'request.invalid':
      return 'invalid';
    case 'network.offline':
      return 'offline';
    default:
      return 'error';
  }
}
