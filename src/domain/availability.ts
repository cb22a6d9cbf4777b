export interface StockLevel {
  onHand: number;
  reserved: number;
  safetyStock: number;
}

/**
 * What can still be promised to a new customer. Never negative: a shelf count that drifted
 * below the reservations means nothing is available, not a debt.
 */
export function available(stock: StockLevel): number {
  return Math.max(0, stock.onHand - stock.reserved - stock.safetyStock);
}

export function canReserve(stock: StockLevel, qty: number): boolean {
  return Number.isInteger(qty) && qty > 0 && available(stock) >= qty;
}
