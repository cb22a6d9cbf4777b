import { interpretScan } from '../../domain/interpret-scan';

/** What a stock search query asks for, worked out before any SQL is written. */
export interface SearchTerms {
  /** The query read as a product code (any GTIN length, a GS1 element string): look it up alone. */
  gtin14?: string;
  /** The query as a SKU, upper-cased (SKUs are upper case; associates type in any case). */
  sku: string;
  /** A LIKE pattern for SKUs starting with the query, when it could be the start of one. */
  skuPrefix?: string;
  /** A to_tsquery text: every word, as a prefix ('roma:* & nero:*'); absent for codes. */
  tsQuery?: string;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Reads a query the way an associate means it: a scan or a typed GTIN finds that product and
 * nothing else (a valid check digit is not a coincidence), anything else is a SKU or the
 * start of one, or words of the name, brand, colour or size, each matched as a word prefix.
 * Words are letters and digits only, so nothing the user types reaches tsquery syntax.
 */
export function searchTerms(query: string): SearchTerms {
  const text = query.trim();
  const sku = text.toUpperCase();
  const scan = interpretScan(text);
  const gtin14 = scan.kind === 'gtin' || scan.kind === 'gs1' ? scan.gtin14 : undefined;
  if (gtin14) return { gtin14, sku };
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return {
    sku,
    ...(sku.length >= 2 && !/\s/.test(sku) ? { skuPrefix: `${escapeLike(sku)}%` } : {}),
    ...(words.length > 0 ? { tsQuery: words.map((word) => `${word}:*`).join(' & ') } : {}),
  };
}
