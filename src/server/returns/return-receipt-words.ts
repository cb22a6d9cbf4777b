import type { Language } from '../../contract/orders';

/** The words of a return receipt, printed and e-mailed, in the customer's language. */
const words = {
  en: {
    title: 'Return receipt',
    receipt: 'Receipt',
    date: 'Date',
    order: 'Order',
    placed: 'placed',
    customer: 'Customer',
    takenBy: 'Served by',
    status: 'Status',
    statuses: {
      refunded: 'Refunded',
      review: 'Waiting for a manager',
      declined: 'Declined',
    },
    statusNotes: {
      refunded: 'Your refund has been sent. It can take up to 5 working days to appear on your statement.',
      review:
        'A manager will check this return. You will receive the refund, or a message from us, once it has been decided.',
      declined: 'This return was not accepted. Please collect your items from the store.',
    },
    declinedBecause: 'Reason',
    givenBack: 'Given back to you',
    itemsReturned: 'Items returned',
    columns: { item: 'Item', size: 'Size', reason: 'Reason', condition: 'Condition', outcome: 'Outcome' },
    refund: 'Refund',
    refundColumns: { item: 'Item', qty: 'Qty', price: 'Price', discount: 'Discount', refund: 'Refund' },
    shipping: 'Shipping',
    total: 'Total refund',
    expected: 'Refund once approved',
    paidTo: 'Refunded to',
    paidToPending: 'Will be refunded to',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    channels: {
      web: 'online shop',
      app: 'app',
      marketplace: 'marketplace',
      social: 'social shop',
      store: 'in store',
    } as Record<string, string>,
    reasons: {
      tooSmall: 'Too small',
      tooLarge: 'Too large',
      notAsDescribed: 'Not as described',
      changedMind: 'Changed my mind',
      damagedOnArrival: 'Damaged on arrival',
      wrongItemSent: 'Wrong item sent',
    } as Record<string, string>,
    conditions: { new: 'New', opened: 'Opened', damaged: 'Damaged' } as Record<string, string>,
    dispositions: {
      restock: 'Back on sale',
      damaged: 'Not for resale',
      return_to_vendor: 'Back to the supplier',
    } as Record<string, string>,
    methods: { paypal: 'PayPal', giftCard: 'Gift card', bankTransfer: 'Bank transfer', card: 'Card' },
    emailSubject: (store: string, number: string) => `Your return at ${store}: receipt ${number}`,
    greeting: (name: string) => `Dear ${name},`,
    emailIntro: (store: string) =>
      `thank you for your visit. Here is the receipt of the return you made at ${store}.`,
    emailOutro: 'Keep this e-mail as your proof of return.',
  },
  it: {
    title: 'Ricevuta di reso',
    receipt: 'Ricevuta',
    date: 'Data',
    order: 'Ordine',
    placed: 'del',
    customer: 'Cliente',
    takenBy: 'Servito da',
    status: 'Stato',
    statuses: {
      refunded: 'Rimborsato',
      review: 'In attesa di un responsabile',
      declined: 'Rifiutato',
    },
    statusNotes: {
      refunded:
        'Il rimborso è stato inviato. Può richiedere fino a 5 giorni lavorativi per comparire sul tuo estratto conto.',
      review:
        'Un responsabile verificherà questo reso. Riceverai il rimborso, o un nostro messaggio, appena sarà stato deciso.',
      declined: 'Questo reso non è stato accettato. Puoi ritirare i tuoi articoli in negozio.',
    },
    declinedBecause: 'Motivo',
    givenBack: 'Restituito al cliente',
    itemsReturned: 'Articoli resi',
    columns: {
      item: 'Articolo',
      size: 'Taglia',
      reason: 'Motivo',
      condition: 'Stato',
      outcome: 'Destinazione',
    },
    refund: 'Rimborso',
    refundColumns: { item: 'Articolo', qty: 'Q.tà', price: 'Prezzo', discount: 'Sconto', refund: 'Rimborso' },
    shipping: 'Spedizione',
    total: 'Totale rimborsato',
    expected: 'Rimborso se approvato',
    paidTo: 'Rimborsato su',
    paidToPending: 'Sarà rimborsato su',
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
    channels: {
      web: 'negozio online',
      app: 'app',
      marketplace: 'marketplace',
      social: 'social shop',
      store: 'in negozio',
    } as Record<string, string>,
    reasons: {
      tooSmall: 'Troppo piccolo',
      tooLarge: 'Troppo grande',
      notAsDescribed: 'Non corrisponde alla descrizione',
      changedMind: 'Ripensamento',
      damagedOnArrival: 'Arrivato danneggiato',
      wrongItemSent: 'Articolo sbagliato',
    } as Record<string, string>,
    conditions: { new: 'Nuovo', opened: 'Aperto', damaged: 'Danneggiato' } as Record<string, string>,
    dispositions: {
      restock: 'Rimesso in vendita',
      damaged: 'Non rivendibile',
      return_to_vendor: 'Reso al fornitore',
    } as Record<string, string>,
    methods: { paypal: 'PayPal', giftCard: 'Carta regalo', bankTransfer: 'Bonifico bancario', card: 'Carta' },
    emailSubject: (store: string, number: string) => `Il tuo reso presso ${store}: ricevuta ${number}`,
    greeting: (name: string) => `Gentile ${name},`,
    emailIntro: (store: string) =>
      `grazie per la tua visita. Ecco la ricevuta del reso fatto presso ${store}.`,
    emailOutro: 'Conserva questa e-mail come prova del reso.',
  },
} as const satisfies Record<Language, unknown>;

export type ReceiptWords = (typeof words)[Language];

export function receiptWords(language: Language): ReceiptWords {
  return words[language];
}
