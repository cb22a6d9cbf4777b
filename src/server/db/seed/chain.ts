import { withCheckDigit } from '../../../domain/gtin';
import { productLines } from './products';
import type { SeedProduct } from './products';
import type { Rng } from './random';
import { seedStores } from './stores';
import type { SeedStore } from './stores';

/**
 * The data of a big chain for benchmarks (see src/server/demo/seed-chain.ts, which loads it):
 * the 12 demo stores, then stores spread over Italian and nearby European cities, and a
 * catalogue of every demo variant re-issued over several seasons, each with its own GTIN.
 */

export type ChainStore = Omit<SeedStore, 'timezone' | 'stagingLocations'> & { timezone: string };

interface City {
  code: string;
  city: string;
  lat: number;
  lng: number;
  /** Roughly the metro population in millions: how many stores the city attracts. */
  weight: number;
  street: string;
  postcode: string;
  timezone: string;
}

const it = (
  code: string,
  city: string,
  lat: number,
  lng: number,
  weight: number,
  postcode: string,
): City => ({
  code,
  city,
  lat,
  lng,
  weight,
  street: 'Via Roma',
  postcode,
  timezone: 'Europe/Rome',
});

const eu = (
  code: string,
  city: string,
  lat: number,
  lng: number,
  weight: number,
  street: string,
  postcode: string,
  timezone: string,
): City => ({ code, city, lat, lng, weight, street, postcode, timezone });

/** City centres (WGS 84). Codes are province codes, or IATA-style for cities abroad. */
const cities: readonly City[] = [
  it('MI', 'Milano', 45.4642, 9.19, 3.2, '20121'),
  it('RM', 'Roma', 41.9028, 12.4964, 4.2, '00185'),
  it('NA', 'Napoli', 40.8518, 14.2681, 3, '80133'),
  it('TO', 'Torino', 45.0703, 7.6869, 2.2, '10121'),
  it('PA', 'Palermo', 38.1157, 13.3615, 1.2, '90133'),
  it('GE', 'Genova', 44.4056, 8.9463, 0.8, '16121'),
  it('BO', 'Bologna', 44.4949, 11.3426, 1, '40121'),
  it('FI', 'Firenze', 43.7696, 11.2558, 1, '50123'),
  it('BA', 'Bari', 41.1171, 16.8719, 1.2, '70121'),
  it('CT', 'Catania', 37.5079, 15.083, 1.1, '95131'),
  it('VE', 'Venezia Mestre', 45.4903, 12.24, 0.8, '30171'),
  it('VR', 'Verona', 45.4384, 10.9916, 0.9, '37121'),
  it('ME', 'Messina', 38.1938, 15.554, 0.6, '98122'),
  it('PD', 'Padova', 45.4064, 11.8768, 0.9, '35122'),
  it('TS', 'Trieste', 45.6495, 13.7768, 0.4, '34121'),
  it('BS', 'Brescia', 45.5416, 10.2118, 1.2, '25121'),
  it('PR', 'Parma', 44.8015, 10.3279, 0.4, '43121'),
  it('TA', 'Taranto', 40.4644, 17.247, 0.5, '74123'),
  it('PO', 'Prato', 43.8777, 11.1022, 0.3, '59100'),
  it('MO', 'Modena', 44.6471, 10.9252, 0.7, '41121'),
  it('RC', 'Reggio Calabria', 38.1113, 15.6473, 0.5, '89125'),
  it('RE', 'Reggio Emilia', 44.6989, 10.6297, 0.5, '42121'),
  it('PG', 'Perugia', 43.1107, 12.3908, 0.6, '06121'),
  it('LI', 'Livorno', 43.5485, 10.3106, 0.3, '57123'),
  it('RA', 'Ravenna', 44.4184, 12.2035, 0.4, '48121'),
  it('CA', 'Cagliari', 39.2238, 9.1217, 0.4, '09124'),
  it('FG', 'Foggia', 41.4622, 15.5446, 0.6, '71121'),
  it('RN', 'Rimini', 44.0678, 12.5695, 0.3, '47921'),
  it('SA', 'Salerno', 40.6824, 14.7681, 1, '84121'),
  it('FE', 'Ferrara', 44.8381, 11.6198, 0.3, '44121'),
  it('SS', 'Sassari', 40.7259, 8.5557, 0.5, '07100'),
  it('LT', 'Latina', 41.4676, 12.9037, 0.6, '04100'),
  it('MZ', 'Monza', 45.5845, 9.2744, 0.9, '20900'),
  it('BG', 'Bergamo', 45.6983, 9.6773, 1.1, '24122'),
  it('PE', 'Pescara', 42.4618, 14.2161, 0.3, '65121'),
  it('TN', 'Trento', 46.0748, 11.1217, 0.5, '38122'),
  it('BZ', 'Bolzano', 46.4983, 11.3548, 0.5, '39100'),
  it('VI', 'Vicenza', 45.5455, 11.5354, 0.9, '36100'),
  it('TV', 'Treviso', 45.6669, 12.243, 0.9, '31100'),
  it('NO', 'Novara', 45.4469, 8.6219, 0.4, '28100'),
  it('CO', 'Como', 45.8081, 9.0852, 0.6, '22100'),
  it('VA', 'Varese', 45.8206, 8.8251, 0.9, '21100'),
  it('UD', 'Udine', 46.0711, 13.2346, 0.5, '33100'),
  it('AN', 'Ancona', 43.6158, 13.5189, 0.5, '60121'),
  it('LE', 'Lecce', 40.3515, 18.175, 0.8, '73100'),
  it('PI', 'Pisa', 43.7228, 10.4017, 0.4, '56125'),
  it('SI', 'Siena', 43.3188, 11.3308, 0.3, '53100'),
  it('AR', 'Arezzo', 43.4633, 11.8796, 0.3, '52100'),
  it('SP', 'La Spezia', 44.1025, 9.8241, 0.2, '19121'),
  it('CS', 'Cosenza', 39.2983, 16.2537, 0.7, '87100'),
  eu('LUG', 'Lugano', 46.0037, 8.9511, 0.2, 'Via Nassa', '6900', 'Europe/Zurich'),
  eu('ZRH', 'Zürich', 47.3769, 8.5417, 1.4, 'Bahnhofstrasse', '8001', 'Europe/Zurich'),
  eu('GVA', 'Genève', 46.2044, 6.1432, 0.6, 'Rue du Rhône', '1204', 'Europe/Zurich'),
  eu('NCE', 'Nice', 43.7102, 7.262, 0.9, 'Avenue Jean Médecin', '06000', 'Europe/Paris'),
  eu('MRS', 'Marseille', 43.2965, 5.3698, 1.6, 'Rue Saint-Ferréol', '13001', 'Europe/Paris'),
  eu('LYS', 'Lyon', 45.764, 4.8357, 1.7, 'Rue de la République', '69002', 'Europe/Paris'),
  eu('PAR', 'Paris', 48.8566, 2.3522, 3, 'Rue de Rivoli', '75001', 'Europe/Paris'),
  eu('MUC', 'München', 48.1351, 11.582, 1.5, 'Kaufingerstraße', '80331', 'Europe/Berlin'),
  eu('BER', 'Berlin', 52.52, 13.405, 2, 'Tauentzienstraße', '10789', 'Europe/Berlin'),
  eu('INN', 'Innsbruck', 47.2692, 11.4041, 0.2, 'Maria-Theresien-Straße', '6020', 'Europe/Vienna'),
  eu('VIE', 'Wien', 48.2082, 16.3738, 2, 'Mariahilfer Straße', '1070', 'Europe/Vienna'),
  eu('LJU', 'Ljubljana', 46.0569, 14.5058, 0.3, 'Slovenska cesta', '1000', 'Europe/Ljubljana'),
  eu('BCN', 'Barcelona', 41.3874, 2.1686, 2, 'Passeig de Gràcia', '08007', 'Europe/Madrid'),
  eu('MAD', 'Madrid', 40.4168, -3.7038, 3, 'Gran Vía', '28013', 'Europe/Madrid'),
  eu('AMS', 'Amsterdam', 52.3676, 4.9041, 1.2, 'Kalverstraat', '1012', 'Europe/Amsterdam'),
  eu('BRU', 'Bruxelles', 50.8503, 4.3517, 1.2, 'Rue Neuve', '1000', 'Europe/Brussels'),
];

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * `count` stores: the demo's 12 first (same ids and places), then stores drawn over the cities
 * by weight, each a few km from its centre. Ids are the city code and a 2-digit number
 * (MI03, PAR02), numbered after the demo's own stores in that city.
 */
export function chainStores(rng: Rng, count = 200): ChainStore[] {
  if (!Number.isInteger(count) || count < seedStores.length || count > 2_000) {
    throw new RangeError(`count must be an integer in ${seedStores.length}..2000, got ${count}`);
  }
  const stores: ChainStore[] = seedStores.map(({ stagingLocations: _l, ...store }) => ({ ...store }));
  const perCode = new Map<string, number>();
  for (const store of stores) {
    const code = store.id.replace(/\d+$/, '');
    perCode.set(code, Math.max(perCode.get(code) ?? 0, Number(store.id.slice(code.length))));
  }
  const total = cities.reduce((sum, c) => sum + c.weight, 0);
  while (stores.length < count) {
    let draw = rng.next() * total;
    const city = cities.find((c) => (draw -= c.weight) < 0) ?? (cities[0] as City);
    const n = (perCode.get(city.code) ?? 0) + 1;
    perCode.set(city.code, n);
    // Up to ~4 km from the centre: a city's stores are distinct places, still in town.
    const lat = round4(city.lat + (rng.next() - 0.5) * 0.07);
    const lng = round4(city.lng + (rng.next() - 0.5) * 0.1);
    const hours = (seedStores[stores.length % seedStores.length] as SeedStore).openingHours;
    stores.push({
      id: `${city.code}${String(n).padStart(2, '0')}`,
      name: `Aisle ${city.city} ${n}`,
      city: city.city,
      address: `${city.street} ${rng.int(1, 180)}`,
      postcode: city.postcode,
      lat,
      lng,
      timezone: city.timezone,
      openingHours: hours,
    });
  }
  return stores;
}

/** Collections a variant is re-issued in; each issue is its own product with its own GTIN. */
export const chainSeasons = ['SS24', 'FW24', 'SS25', 'FW25', 'SS26', 'FW26', 'SS27', 'FW27'] as const;

/** Variants (line × colour × size × season): the most chainProducts can return. */
export const chainCatalogueSize =
  productLines.reduce((n, l) => n + l.colours.length * l.sizes.length, 0) * chainSeasons.length;

/**
 * Hands out GTINs by brand with a sequential item reference, so the codes never collide,
 * also after padding to GTIN-14 (see BarcodeAllocator in products.ts for the prefix rules).
 */
function gtinAllocator() {
  const brands = new Map<string, number>();
  const next = new Map<string, number>();
  const take = (prefix: string, width: number): string => {
    const ref = next.get(prefix) ?? 0;
    if (ref >= 10 ** width) throw new RangeError(`GTIN range ${prefix} is exhausted`);
    next.set(prefix, ref + 1);
    return String(ref).padStart(width, '0');
  };
  return (brand: string, type: SeedProduct['barcodeType']): string => {
    if (!brands.has(brand)) brands.set(brand, brands.size);
    const b = brands.get(brand) as number;
    switch (type) {
      case 'EAN13': {
        const prefix = String(800 + (b % 40)) + String(1000 + ((b * 173) % 9000));
        return withCheckDigit(prefix + take(prefix, 5));
      }
      case 'UPCA': {
        const prefix = '0' + String(40000 + ((b * 313) % 50000));
        return withCheckDigit(prefix + take(prefix, 5));
      }
      case 'EAN8':
        return withCheckDigit('80' + take('80', 5));
    }
  };
}

/**
 * `count` products: every demo variant (line × colour × size) in one season after another,
 * SKU "<variant>-<season>", names as the demo's (a re-issue keeps its name), prices drifting
 * a little by season. Deterministic for a given rng seed.
 */
export function chainProducts(rng: Rng, count = 20_000): SeedProduct[] {
  if (!Number.isInteger(count) || count < 0 || count > chainCatalogueSize) {
    throw new RangeError(`count must be an integer in 0..${chainCatalogueSize}, got ${count}`);
  }
  const gtin = gtinAllocator();
  const products: SeedProduct[] = [];
  for (const season of chainSeasons) {
    for (const line of productLines) {
      for (const colour of line.colours) {
        for (const [sizeIndex, size] of line.sizes.entries()) {
          if (products.length === count) return products;
          const base = typeof line.price === 'number' ? line.price : (line.price[sizeIndex] ?? 0);
          const type = line.barcode ?? 'EAN13';
          products.push({
            sku: `${line.code}-${colour.code}-${size.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${season}`,
            barcode: gtin(line.brand, type),
            barcodeType: type,
            brand: line.brand,
            nameIt: line.nameIt,
            nameEn: line.nameEn,
            category: line.category,
            colorIt: colour.it,
            colorEn: colour.en,
            size,
            priceCents: Math.max(1, base + rng.int(-2, 2) * 100),
            returnable: line.returnable ?? true,
          });
        }
      }
    }
  }
  return products;
}
