// Counting goods in one look (issue 17, point 2): what the camera counted against what was expected.

/** Units of one product, by its GTIN-14. */
export interface CountLine {
  gtin14: string;
  qty: number;
}

export interface CountComparison {
  /** Expected products seen, with how many were expected and how many counted (capped at expected). */
  found: { gtin14: string; expected: number; counted: number }[];
  /** Expected units not seen: expected − counted where fewer were counted. */
  missing: CountLine[];
  /** Units counted beyond what was expected, or of products not expected at all. */
  unexpected: CountLine[];
  /** True when every expected unit was counted and nothing else. */
  exact: boolean;
}

/** Adds lines of the same GTIN together and drops zero quantities. */
export function sumByGtin(lines: readonly CountLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { gtin14, qty } of lines) {
    if (qty <= 0) continue;
    totals.set(gtin14, (totals.get(gtin14) ?? 0) + qty);
  }
  return totals;
}

/** Compares a count with the expected list, product by product, in the expected list's order. */
export function compareCount(expected: readonly CountLine[], counted: readonly CountLine[]): CountComparison {
  const want = sumByGtin(expected);
  const got = sumByGtin(counted);
  const found: CountComparison['found'] = [];
  const missing: CountLine[] = [];
  const unexpected: CountLine[] = [];
  for (const [gtin14, qty] of want) {
    const seen = got.get(gtin14) ?? 0;
    if (seen > 0) found.push({ gtin14, expected: qty, counted: Math.min(seen, qty) });
    if (seen < qty) missing.push({ gtin14, qty: qty - seen });
    if (seen > qty) unexpected.push({ gtin14, qty: seen - qty });
  }
  for (const [gtin14, qty] of got) if (!want.has(gtin14)) unexpected.push({ gtin14, qty });
  return { found, missing, unexpected, exact: missing.length === 0 && unexpected.length === 0 };
}
