/**
 * Building blocks of the demo catalogue: colours and size runs shared by the product-line
 * tables, so a line only says which run it uses and variants stay consistent across lines.
 */
export type Category =
  'footwear' | 'apparel' | 'accessories' | 'beauty' | 'home' | 'electronics' | 'sport' | 'toys';

export const categories: readonly Category[] = [
  'footwear',
  'apparel',
  'accessories',
  'beauty',
  'home',
  'electronics',
  'sport',
  'toys',
];

export interface Colour {
  /** Short ASCII code used inside SKUs. */
  code: string;
  it: string;
  en: string;
}

export interface ProductLine {
  /** Two SKU segments, e.g. "SNK-ROMA"; variants append colour and size codes. */
  code: string;
  brand: string;
  nameIt: string;
  nameEn: string;
  category: Category;
  colours: readonly Colour[];
  sizes: readonly string[];
  /** One price for the line, or one per size where bigger sizes cost more (linen, perfume). */
  price: number | readonly number[];
  /** EAN13 unless the brand is American (UPC-A) or the item too small for a 13-digit label. */
  barcode?: 'UPCA' | 'EAN8';
  /** Hygiene goods (cosmetics, underwear, earrings) cannot be taken back once sold. */
  returnable?: boolean;
}

type LineExtra = Pick<ProductLine, 'barcode' | 'returnable'>;

/** Positional shorthand so each entry of the catalogue tables fits on one row. */
export function line(
  code: string,
  brand: string,
  category: Category,
  names: [it: string, en: string],
  colours: readonly Colour[],
  sizes: readonly string[],
  price: ProductLine['price'],
  extra: LineExtra = {},
): ProductLine {
  return {
    code,
    brand,
    category,
    nameIt: names[0],
    nameEn: names[1],
    colours,
    sizes,
    price,
    ...extra,
  };
}

const c = (code: string, it: string, en: string): Colour => ({ code, it, en });

export const colour = {
  black: c('BLK', 'Nero', 'Black'),
  white: c('WHT', 'Bianco', 'White'),
  grey: c('GRY', 'Grigio', 'Grey'),
  melange: c('MEL', 'Grigio melange', 'Heather grey'),
  navy: c('NAV', 'Blu navy', 'Navy'),
  blue: c('BLU', 'Blu', 'Blue'),
  sky: c('SKY', 'Azzurro', 'Light blue'),
  red: c('RED', 'Rosso', 'Red'),
  burgundy: c('BRD', 'Bordeaux', 'Burgundy'),
  pink: c('PNK', 'Rosa', 'Pink'),
  powder: c('PWD', 'Rosa cipria', 'Powder pink'),
  beige: c('BEI', 'Beige', 'Beige'),
  camel: c('CML', 'Cammello', 'Camel'),
  tan: c('TAN', 'Cuoio', 'Tan'),
  brown: c('BRN', 'Marrone', 'Brown'),
  olive: c('OLV', 'Verde oliva', 'Olive'),
  green: c('GRN', 'Verde', 'Green'),
  sage: c('SAG', 'Verde salvia', 'Sage'),
  yellow: c('YEL', 'Giallo', 'Yellow'),
  mustard: c('MUS', 'Giallo senape', 'Mustard'),
  orange: c('ORG', 'Arancione', 'Orange'),
  terracotta: c('TER', 'Terracotta', 'Terracotta'),
  purple: c('PUR', 'Viola', 'Purple'),
  lightDenim: c('LDN', 'Denim chiaro', 'Light wash'),
  midDenim: c('MDN', 'Denim medio', 'Mid wash'),
  darkDenim: c('DDN', 'Denim scuro', 'Dark wash'),
  ecru: c('ECR', 'Ecrù', 'Ecru'),
  gold: c('GLD', 'Oro', 'Gold'),
  silver: c('SLV', 'Argento', 'Silver'),
  tortoise: c('TRT', 'Tartaruga', 'Tortoiseshell'),
  clear: c('CLR', 'Trasparente', 'Clear'),
  graphite: c('GPH', 'Grafite', 'Graphite'),
  natural: c('NAT', 'Naturale', 'Natural'),
  multi: c('MLT', 'Multicolore', 'Multicolour'),
} as const;

/** Make-up shades: the colour is the product, so names are the ones printed on the pack. */
export const shades = {
  cherry: c('S01', 'Rosso ciliegia', 'Cherry red'),
  ruby: c('S02', 'Rubino', 'Ruby'),
  nude: c('S03', 'Nude', 'Nude'),
  coral: c('S04', 'Corallo', 'Coral'),
  fuchsia: c('S05', 'Fucsia', 'Fuchsia'),
  plum: c('S06', 'Prugna', 'Plum'),
  mauve: c('S07', 'Malva', 'Mauve'),
  rosewood: c('S08', 'Legno di rosa', 'Rosewood'),
  peach: c('S09', 'Pesca', 'Peach'),
  brick: c('S10', 'Mattone', 'Brick'),
  berry: c('S11', 'Frutti di bosco', 'Berry'),
  caramel: c('S12', 'Caramello', 'Caramel'),
  ivory: c('S13', 'Avorio', 'Ivory'),
  porcelain: c('S14', 'Porcellana', 'Porcelain'),
  sand: c('S15', 'Sabbia', 'Sand'),
  honey: c('S16', 'Miele', 'Honey'),
  almond: c('S17', 'Mandorla', 'Almond'),
  mocha: c('S18', 'Moka', 'Mocha'),
  espresso: c('S19', 'Espresso', 'Espresso'),
  lilac: c('S20', 'Lilla', 'Lilac'),
  mint: c('S21', 'Menta', 'Mint'),
  navy: c('S22', 'Blu notte', 'Midnight blue'),
  bronze: c('S23', 'Bronzo', 'Bronze'),
  champagne: c('S24', 'Champagne', 'Champagne'),
} as const;

const k = colour;
export const palettes = {
  basics: [k.black, k.white, k.grey, k.navy, k.beige],
  tees: [k.white, k.black, k.melange, k.navy, k.red, k.olive, k.sky, k.mustard, k.burgundy, k.sage, k.powder],
  knit: [k.melange, k.navy, k.burgundy, k.camel, k.black, k.ecru, k.sage, k.mustard, k.green],
  leather: [k.black, k.brown, k.tan, k.burgundy],
  sneakers: [k.white, k.black, k.navy, k.grey, k.beige, k.red, k.olive, k.powder],
  outdoor: [k.black, k.olive, k.orange, k.blue, k.grey, k.sky, k.burgundy],
  denim: [k.lightDenim, k.midDenim, k.darkDenim, k.black, k.white],
  summer: [k.white, k.sky, k.beige, k.yellow, k.terracotta, k.sage],
  sporty: [k.black, k.navy, k.purple, k.green, k.pink, k.grey],
  home: [k.white, k.grey, k.sage, k.beige, k.terracotta, k.sky],
  tech: [k.black, k.white, k.graphite],
} as const;

export const sizeRuns = {
  shoesUnisex: ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46'],
  shoesWomen: ['35', '36', '37', '38', '39', '40', '41', '42'],
  shoesMen: ['39', '40', '41', '42', '43', '44', '45', '46'],
  shoesKids: ['24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35'],
  alpha: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  alphaWomen: ['XS', 'S', 'M', 'L', 'XL'],
  alphaMen: ['S', 'M', 'L', 'XL', 'XXL', '3XL'],
  // Children's clothes are sized by height in Europe, which needs no translation.
  kids: ['104', '116', '128', '140', '152', '164'],
  waist: ['26', '27', '28', '29', '30', '31', '32', '33', '34', '36', '38'],
  belt: ['80 cm', '85 cm', '90 cm', '95 cm', '100 cm', '105 cm', '110 cm'],
  socks: ['35-38', '39-42', '43-46'],
  oneSize: ['TU'],
} as const;
