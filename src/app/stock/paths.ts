// The stock feature's addresses, under /stock (see stock-pages.tsx).
export const lookupPath = '/stock';
export const productPath = (productId: string) => `/stock/products/${encodeURIComponent(productId)}`;
export const reservePath = (productId: string, storeId: string) =>
  `${productPath(productId)}/reserve/${encodeURIComponent(storeId)}`;
export const reservationPath = (reservationId: string) =>
  `/stock/reservations/${encodeURIComponent(reservationId)}`;
