/**
 * The demo's returnable orders (issue 6): one per scenario, each with its own customer, so a
 * Playwright journey can find its order by number, e-mail or phone without meeting another
 * spec's. seed-demo-returns.ts places them through the real intake and order actions, then
 * moves their dates into the past. Kept free of server imports so e2e specs can import it.
 *
 * Numbers have seven digits after the W; the random demo orders have six, so none collide.
 */
export interface DemoReturnOrder {
  number: string;
  email: string;
  /** E.164, as the web shop stored it. */
  phone: string;
  customerName: string;
  /** The store that fulfilled it (collected there, or shipped from there). */
  storeId: string;
  /** Days between the customer receiving it and the seed. */
  receivedDaysAgo: number;
}

export const demoReturnOrders = {
  /** MI01 pickup, 3 lines (one of 2 units), a 10% coupon, paid by Visa •••• 4242. */
  fullJourney: {
    number: 'W7001001',
    email: 'giulia.ferri@example.com',
    phone: '+393471112233',
    customerName: 'Giulia Ferri',
    storeId: 'MI01',
    receivedDaysAgo: 3,
  },
  /** MI01 pickup, 2 lines: returned once, then the same units again. */
  sameItemsTwice: {
    number: 'W7001002',
    email: 'marco.colombo@example.com',
    phone: '+393482223344',
    customerName: 'Marco Colombo',
    storeId: 'MI01',
    receivedDaysAgo: 5,
  },
  /** MI01 pickup, 1 line of 2 units: two devices return both at the same moment. */
  twoDevices: {
    number: 'W7001003',
    email: 'sara.ricci@example.com',
    phone: '+393493334455',
    customerName: 'Sara Ricci',
    storeId: 'MI01',
    receivedDaysAgo: 2,
  },
  /** Collected at RM01, returned at MI01; one product is one MI01 has sold out, where the demo has one. */
  boughtElsewhere: {
    number: 'W7001004',
    email: 'luca.marino@example.com',
    phone: '+393404445566',
    customerName: 'Luca Marino',
    storeId: 'RM01',
    receivedDaysAgo: 4,
  },
  /** MI01 pickup, 1 unit: returned offline, and the server's check fails on sync. */
  offlinePolicy: {
    number: 'W7001005',
    email: 'francesca.greco@example.com',
    phone: '+393395556677',
    customerName: 'Francesca Greco',
    storeId: 'MI01',
    receivedDaysAgo: 6,
  },
  /** MI01 pickup of electronics (a 14-day window) collected 20 days ago: the window is closed. */
  windowExpired: {
    number: 'W7001006',
    email: 'davide.bruno@example.com',
    phone: '+393386667788',
    customerName: 'Davide Bruno',
    storeId: 'MI01',
    receivedDaysAgo: 20,
  },
  /** MI01 pickup: a line sold as final sale, and a hygiene product the catalogue marks non-returnable. */
  finalSaleAndHygiene: {
    number: 'W7001007',
    email: 'elena.gallo@example.com',
    phone: '+393377778899',
    customerName: 'Elena Gallo',
    storeId: 'MI01',
    receivedDaysAgo: 4,
  },
  /** Shipped from MI01, 4.90 shipping, a coupon, paid with PayPal; an English-speaking customer. */
  shipped: {
    number: 'W7001008',
    email: 'emily.carter@example.com',
    phone: '+447700900123',
    customerName: 'Emily Carter',
    storeId: 'MI01',
    receivedDaysAgo: 7,
  },
} as const satisfies Record<string, DemoReturnOrder>;

export type DemoReturnScenario = keyof typeof demoReturnOrders;
