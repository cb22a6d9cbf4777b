/**
 * Exact integer arithmetic for sharing money out. Money is integer cents everywhere; products
 * go through BigInt so a large order can never lose a cent to floating point.
 */

/**
 * Shares `totalCents` out over `weights` proportionally with the largest remainder method
 * (Hamilton): every part gets the floor of its exact share, then the cents left over go one
 * each to the parts with the largest fractional remainders, ties to the earlier part. The
 * shares always sum to `totalCents` exactly, and each is within one cent of its exact share.
 *
 * A coupon of 1000 cents over lines worth 3000, 2000 and 1000 gives 500, 333 and 167 (the
 * 0.67 remainder of the last beats the 0.33 of the second).
 *
 * Weights and total are non-negative integers; if every weight is 0 the total must be 0.
 */
export function allocateLargestRemainder(totalCents: number, weights: readonly number[]): number[] {
  const total = BigInt(totalCents);
  const sum = weights.reduce((acc, w) => acc + BigInt(w), 0n);
  if (sum === 0n) {
    if (total !== 0n) throw new RangeError('cannot share a non-zero amount over zero weights');
    return weights.map(() => 0);
  }
  const floors = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, index) => ({ index, rest: (total * BigInt(w)) % sum }));
  let left = Number(total - floors.reduce((acc, f) => acc + f, 0n));
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  const shares = floors.map(Number);
  for (const { index } of remainders) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}

/**
 * The cumulative net of the first `units` of a line whose `qty` units are worth `lineNetCents`
 * together: round(units × lineNet / qty), halves rounded up. `cumulativeNet(qty, ...)` is the
 * line's net exactly, so refunds computed as differences of it (units k+1..m refund
 * net(m) − net(k)) add up to the line's net over any sequence of partial returns.
 */
export function cumulativeNetCents(units: number, qty: number, lineNetCents: number): number {
  if (qty === 0) return 0;
  const twice = 2n * BigInt(units) * BigInt(lineNetCents) + BigInt(qty);
  return Number(twice / (2n * BigInt(qty)));
}
