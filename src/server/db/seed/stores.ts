export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Local times "HH:MM"; an empty list means closed that day, two intervals mean a lunch break. */
export type OpeningHours = Record<Weekday, { open: string; close: string }[]>;

export interface SeedStagingLocation {
  code: string;
  label: string;
  kind: 'shelf' | 'locker' | 'curbside';
  /** Orders it holds at once. */
  capacity: number;
}

export interface SeedStore {
  id: string;
  name: string;
  city: string;
  address: string;
  postcode: string;
  lat: number;
  lng: number;
  timezone: 'Europe/Rome';
  openingHours: OpeningHours;
  stagingLocations: SeedStagingLocation[];
}

type Interval = { open: string; close: string };

function week(weekdays: Interval[], saturday: Interval[], sunday: Interval[]): OpeningHours {
  // Fresh arrays per day so a seeder that mutates one day cannot change the others.
  const copy = (list: Interval[]): Interval[] => list.map((i) => ({ ...i }));
  return {
    mon: copy(weekdays),
    tue: copy(weekdays),
    wed: copy(weekdays),
    thu: copy(weekdays),
    fri: copy(weekdays),
    sat: copy(saturday),
    sun: copy(sunday),
  };
}

const h = (open: string, close: string): Interval => ({ open, close });

// Big-city flagships keep continuous hours; provincial stores keep the Italian lunch break.
const cityCentre = week([h('10:00', '20:00')], [h('10:00', '20:00')], [h('10:00', '19:00')]);
const lateCity = week([h('09:30', '20:30')], [h('09:30', '20:30')], [h('10:30', '20:00')]);
const provincial = week(
  [h('09:30', '13:00'), h('15:30', '19:30')],
  [h('09:30', '19:30')],
  [h('10:00', '13:00')],
);
const southern = week(
  [h('09:30', '13:30'), h('16:30', '20:30')],
  [h('09:30', '13:30'), h('16:30', '20:30')],
  [],
);

/** Shelves A01–A12 (one order each), bins B01–B08 (six), lockers L01–L06 (three), curbside bays C01–C04. */
export function stagingLocationsFor(storeId: string): SeedStagingLocation[] {
  const locations: SeedStagingLocation[] = [];
  const add = (
    area: string,
    count: number,
    kind: SeedStagingLocation['kind'],
    noun: string,
    capacity = 1,
  ) => {
    for (let n = 1; n <= count; n++) {
      const slot = `${area}${String(n).padStart(2, '0')}`;
      locations.push({
        code: `${storeId}-${slot}`,
        label: `${noun} ${slot}`,
        kind,
        capacity,
      });
    }
  };
  add('A', 12, 'shelf', 'Shelf');
  // Bins on the B row take several small orders each.
  add('B', 8, 'shelf', 'Bin', 6);
  add('L', 6, 'locker', 'Locker', 3);
  add('C', 4, 'curbside', 'Curbside bay');
  return locations;
}

type StoreRow = Omit<SeedStore, 'timezone' | 'stagingLocations' | 'openingHours'> & {
  hours: OpeningHours;
};

// Coordinates are on the named shopping street, so distance-based "nearest store" demos
// give the answers a local would expect.
const rows: StoreRow[] = [
  {
    id: 'MI01',
    name: 'Aisle Milano Duomo',
    city: 'Milano',
    address: 'Corso Vittorio Emanuele II 24',
    postcode: '20122',
    lat: 45.4654,
    lng: 9.1941,
    hours: lateCity,
  },
  {
    id: 'MI02',
    name: 'Aisle Milano Porta Nuova',
    city: 'Milano',
    address: 'Piazza Gae Aulenti 4',
    postcode: '20124',
    lat: 45.4837,
    lng: 9.1901,
    hours: cityCentre,
  },
  {
    id: 'MZ01',
    name: 'Aisle Monza',
    city: 'Monza',
    address: 'Via Italia 35',
    postcode: '20900',
    lat: 45.5829,
    lng: 9.2738,
    hours: provincial,
  },
  {
    id: 'TO01',
    name: 'Aisle Torino Via Roma',
    city: 'Torino',
    address: 'Via Roma 53',
    postcode: '10123',
    lat: 45.0672,
    lng: 7.6827,
    hours: cityCentre,
  },
  {
    id: 'BG01',
    name: 'Aisle Bergamo',
    city: 'Bergamo',
    address: 'Via XX Settembre 42',
    postcode: '24122',
    lat: 45.6941,
    lng: 9.6678,
    hours: provincial,
  },
  {
    id: 'VR01',
    name: 'Aisle Verona',
    city: 'Verona',
    address: 'Via Giuseppe Mazzini 38',
    postcode: '37121',
    lat: 45.4412,
    lng: 10.9962,
    hours: cityCentre,
  },
  {
    id: 'BO01',
    name: 'Aisle Bologna',
    city: 'Bologna',
    address: "Via dell'Indipendenza 21",
    postcode: '40121',
    lat: 44.4975,
    lng: 11.3432,
    hours: cityCentre,
  },
  {
    id: 'FI01',
    name: 'Aisle Firenze',
    city: 'Firenze',
    address: 'Via dei Calzaiuoli 45',
    postcode: '50122',
    lat: 43.7712,
    lng: 11.2552,
    hours: lateCity,
  },
  {
    id: 'RM01',
    name: 'Aisle Roma Via del Corso',
    city: 'Roma',
    address: 'Via del Corso 189',
    postcode: '00187',
    lat: 41.9008,
    lng: 12.4806,
    hours: lateCity,
  },
  {
    id: 'RM02',
    name: 'Aisle Roma EUR',
    city: 'Roma',
    address: 'Viale Europa 72',
    postcode: '00144',
    lat: 41.8318,
    lng: 12.4693,
    hours: cityCentre,
  },
  {
    id: 'NA01',
    name: 'Aisle Napoli',
    city: 'Napoli',
    address: 'Via Toledo 256',
    postcode: '80134',
    lat: 40.8421,
    lng: 14.2486,
    hours: southern,
  },
  {
    id: 'BA01',
    name: 'Aisle Bari',
    city: 'Bari',
    address: 'Via Sparano da Bari 98',
    postcode: '70121',
    lat: 41.1215,
    lng: 16.8696,
    hours: southern,
  },
];

export const seedStores: readonly SeedStore[] = rows.map(({ hours, ...row }) => ({
  ...row,
  timezone: 'Europe/Rome',
  openingHours: week(hours.mon, hours.sat, hours.sun),
  stagingLocations: stagingLocationsFor(row.id),
}));
