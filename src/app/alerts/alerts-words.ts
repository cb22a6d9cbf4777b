import type { Language } from '../i18n/language';

/** The alerts' words, both languages, in the alerts' own chunk (en is the reference). */
const en = {
  region: 'Customer and order alerts',
  counter: '{name} is at the pickup counter for order {number}.',
  curbside: '{name} is waiting in the car park for order {number}.',
  spot: 'Parking spot {spot}',
  car: 'Car: {car}',
  takenByYou: 'You are on it',
  takenBy: '{name} is on it',
  onIt: 'I’m on it',
  handover: 'Hand over order {number}',
  newOrder: 'A new order in the queue',
  newOrders: '{count} new orders in the queue',
  openQueue: 'Open the queue',
  badgeOne: 'One alert waiting',
  badge: '{count} alerts waiting',
  notifyArrival: 'A customer is here for order {number}',
  notifyOrder: 'New order {number}',
  failed: 'Could not save. Try again.',
};
const it: typeof en = {
  region: 'Avvisi su clienti e ordini',
  counter: '{name} è al banco ritiri per l’ordine {number}.',
  curbside: '{name} aspetta al parcheggio per l’ordine {number}.',
  spot: 'Posto auto {spot}',
  car: 'Auto: {car}',
  takenByYou: 'Te ne stai occupando tu',
  takenBy: 'Se ne sta occupando {name}',
  onIt: 'Ci penso io',
  handover: 'Consegna l’ordine {number}',
  newOrder: 'Un nuovo ordine in coda',
  newOrders: '{count} nuovi ordini in coda',
  openQueue: 'Apri la coda',
  badgeOne: 'Un avviso in attesa',
  badge: '{count} avvisi in attesa',
  notifyArrival: 'Un cliente è arrivato per l’ordine {number}',
  notifyOrder: 'Nuovo ordine {number}',
  failed: 'Non salvato. Riprova.',
};

export type AlertsKey = keyof typeof en;
const dictionaries: Record<Language, typeof en> = { en, it };

export function alertsWords(language: Language) {
  const words = dictionaries[language];
  return (key: AlertsKey, vars: Record<string, string | number> = {}) =>
    words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
