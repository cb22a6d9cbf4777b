import type { z } from 'zod';
import type { shippingAddress } from '../../contract/orders';

/** An address as the order intake takes it (name, lines, postcode, city, province, country) plus a phone for the courier. */
export type PostalAddress = z.infer<typeof shippingAddress> & { phone?: string };

/**
 * The address as printed, Italian style: "20121 Milano (MI)" on the postcode line, the country
 * only when it is not Italy (a domestic label without it is what couriers expect).
 */
export function addressLines(address: PostalAddress): string[] {
  const province = address.province ? ` (${address.province})` : '';
  return [
    address.name,
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    `${address.postcode} ${address.city}${province}`,
    ...(address.country.toUpperCase() === 'IT' ? [] : [address.country.toUpperCase()]),
  ];
}
