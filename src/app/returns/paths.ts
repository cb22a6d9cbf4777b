// The return counter's addresses, under /returns (see returns-pages.tsx).
export const findPath = '/returns';
export const reviewPath = '/returns/review';
export const newReturnPath = (orderId: string) => `/returns/new/${encodeURIComponent(orderId)}`;
export const returnPath = (returnId: string) => `/returns/r/${encodeURIComponent(returnId)}`;
