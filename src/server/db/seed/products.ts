import { withCheckDigit } from '../../../domain/gtin';
import type { Category, Colour, ProductLine } from './catalogue';
import { fashionLines } from './lines-fashion';
import { generalLines } from './lines-general';
import type { Rng } from './random';

export type { Category } from './catalogue';

export interface SeedProduct {
  sku: string;
  barcode: string;
  barcodeType: 'EAN13' | 'UPCA' | 'EAN8';
  brand: string;
  nameIt: string;
  nameEn: string;
  category: Category;
  colorIt: string;
  colorEn: string;
  size: string;
  priceCents: number;
  returnable: boolean;
}

export const productLines: readonly ProductLine[] = [...fashionLines, ...generalLines];

/** Variants (line × colour × size) in the whole catalogue: the most seedProducts can return. */
export const catalogueSize = productLines.reduce((n, l) => n + l.colours.length * l.sizes.length, 0);

/** "3.5 g" → "35G", "155x200 cm" → "155X200CM": SKUs stay ASCII, hyphen-free per segment. */
function sizeCode(size: string): string {
  return size.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The line a SKU belongs to ("SNK-ROMA-BLK-42" → "SNK-ROMA"); colour and size codes never hold "-". */
export function productLineCode(sku: string): string {
  return sku.split('-').slice(0, 2).join('-');
}

/** The colour code in a SKU ("SNK-ROMA-BLK-42" → "BLK"). */
export function productColourCode(sku: string): string {
  return sku.split('-')[2] ?? '';
}

function priceFor(line: ProductLine, sizeIndex: number): number {
  if (typeof line.price === 'number') return line.price;
  const price = line.price[sizeIndex];
  if (price === undefined) throw new Error(`${line.code}: no price for size #${sizeIndex}`);
  return price;
}

/**
 * Hands out barcodes. Each brand owns a fictional GS1 company prefix, and item references
 * count up inside it from a random start, so codes look like a real catalogue with gaps yet
 * can never collide. The prefixes are chosen so that the three lengths cannot collide after
 * padding to GTIN-14 either: EAN-13 starts with 8, UPC-A with 0 then a non-zero digit, and
 * EAN-8 pads to six leading zeros.
 */
class BarcodeAllocator {
  private readonly nextRef = new Map<string, number>();
  private readonly brandIndex = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  allocate(brand: string, type: SeedProduct['barcodeType']): string {
    const b = this.indexOf(brand);
    switch (type) {
      case 'EAN13': {
        // Italian GS1 range 800–839; 20–29 would read as an in-store weight/price label.
        const prefix = String(800 + ((b * 11) % 40)) + String(10000 + (((b + 3) * 4177) % 90000));
        return withCheckDigit(prefix + this.ref(prefix, 4));
      }
      case 'UPCA': {
        // Number system 0 with a non-zero company digit; 2 is the UPC in-store range.
        const prefix = '0' + String(40000 + ((b * 313) % 50000));
        return withCheckDigit(prefix + this.ref(prefix, 5));
      }
      case 'EAN8': {
        // EAN-8 numbers are issued one by one by GS1 Italy, not per company.
        const prefix = '805';
        return withCheckDigit(prefix + this.ref(prefix, 4));
      }
    }
  }

  private indexOf(brand: string): number {
    let index = this.brandIndex.get(brand);
    if (index === undefined) {
      index = this.brandIndex.size;
      this.brandIndex.set(brand, index);
    }
    return index;
  }

  private ref(prefix: string, width: number): string {
    const capacity = 10 ** width;
    const ref = this.nextRef.get(prefix) ?? this.rng.int(0, Math.floor(capacity / 4));
    if (ref >= capacity) throw new RangeError(`Barcode range ${prefix} is exhausted`);
    this.nextRef.set(prefix, ref + 1);
    return String(ref).padStart(width, '0');
  }
}

function variant(
  line: ProductLine,
  colour: Colour,
  sizeIndex: number,
  barcodes: BarcodeAllocator,
): SeedProduct {
  const size = line.sizes[sizeIndex] as string;
  const barcodeType = line.barcode ?? 'EAN13';
  return {
    sku: `${line.code}-${colour.code}-${sizeCode(size)}`,
    barcode: barcodes.allocate(line.brand, barcodeType),
    barcodeType,
    brand: line.brand,
    nameIt: line.nameIt,
    nameEn: line.nameEn,
    category: line.category,
    colorIt: colour.it,
    colorEn: colour.en,
    size,
    priceCents: priceFor(line, sizeIndex),
    returnable: line.returnable ?? true,
  };
}

/**
 * The demo assortment: `count` variants drawn from the catalogue, in catalogue order so a
 * line's variants stay next to each other. Every line keeps at least one variant, and the
 * rest are dropped at random, as a real store never stocks every colour in every size.
 */
export function seedProducts(rng: Rng, count = 2400): SeedProduct[] {
  if (!Number.isInteger(count) || count < 0 || count > catalogueSize) {
    throw new RangeError(`count must be an integer in 0..${catalogueSize}, got ${count}`);
  }
  const barcodes = new BarcodeAllocator(rng);
  const all: SeedProduct[] = [];
  const required: number[] = [];
  for (const line of productLines) {
    const first = all.length;
    for (const colour of line.colours) {
      for (let s = 0; s < line.sizes.length; s++) all.push(variant(line, colour, s, barcodes));
    }
    required.push(rng.int(first, all.length - 1));
  }

  const requiredSet = new Set(required);
  const optional = rng.shuffle(all.map((_, i) => i).filter((i) => !requiredSet.has(i)));
  const chosen =
    count >= required.length
      ? [...required, ...optional.slice(0, count - required.length)]
      : rng.shuffle(required).slice(0, count);
  return chosen.sort((a, b) => a - b).map((i) => all[i] as SeedProduct);
}
