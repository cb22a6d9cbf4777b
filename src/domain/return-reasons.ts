/**
 * Why a customer brings something back, and what state it is in. The reason list is
 * configuration (a chain adds "arrived late" or drops "changed mind" without a release); the
 * codes are stable because reports and the audit log keep them.
 */

/**
 * The state the associate sees at the counter. `new` is unused with its tags or seal; `opened`
 * is tried on, unsealed or used but resaleable; `damaged` cannot go back on the shelf.
 */
export const returnConditions = ['new', 'opened', 'damaged'] as const;
export type ReturnCondition = (typeof returnConditions)[number];

/** Rules of the policy that a reason can set aside. Quantity is never one of them. */
export type WaivableRule = 'window' | 'condition' | 'nonReturnable' | 'finalSale';

export interface ReturnReason {
  code: string;
  /**
   * Rules this reason sets aside. When the store is at fault (it sent the wrong item, or the
   * goods arrived broken) the customer has a legal remedy, not a goodwill return, so the
   * window, the condition, hygiene and final-sale rules do not apply; the associate still
   * records the condition for the refurbish-or-scrap decision.
   */
  waives: readonly WaivableRule[];
}

const storeFault: readonly WaivableRule[] = ['window', 'condition', 'nonReturnable', 'finalSale'];

export const defaultReturnReasons: readonly ReturnReason[] = [
  { code: 'tooSmall', waives: [] },
  { code: 'tooLarge', waives: [] },
  { code: 'notAsDescribed', waives: [] },
  { code: 'changedMind', waives: [] },
  { code: 'damagedOnArrival', waives: storeFault },
  { code: 'wrongItemSent', waives: storeFault },
];
