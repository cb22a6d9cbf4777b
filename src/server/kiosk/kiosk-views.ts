import type { KioskOrderView } from '../../contract/kiosk';
import type { OrderStatus } from '../../domain/order-machine';

/** "Chiara Test" → "Chiara T.": enough for the customer to recognise, little for a bystander. */
export function privateName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  const first = parts[0] ?? '';
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return last ? `${first} ${last.charAt(0).toUpperCase()}.` : first;
}

/** The last 3 characters of an order number, the rest hidden. */
export function lastThree(orderNumber: string): string {
  return orderNumber.slice(-3);
}

export function maskedNumber(orderNumber: string): string {
  return `•••${lastThree(orderNumber)}`;
}

/** The board's identifier: "042 · C.", never a full name. */
export function boardLabel(orderNumber: string, customerName: string): string {
  const initial = customerName.trim().charAt(0).toUpperCase();
  return initial ? `${lastThree(orderNumber)} · ${initial}.` : lastThree(orderNumber);
}

export function kioskOrderView(
  order: { id: string; number: string; customerName: string; status: string },
  rated: boolean,
): KioskOrderView {
  return {
    orderId: order.id,
    maskedNumber: maskedNumber(order.number),
    customer: privateName(order.customerName),
    status: order.status as OrderStatus,
    rated,
  };
}
