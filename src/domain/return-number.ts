/**
 * The receipt number a customer reads: the store and the first 6 hex digits of the return id,
 * e.g. R-MI01-7F3A21. Made on the server from the device's id, so the device can print the same
 * number offline. Should two returns ever share the 6 digits, the later one takes more of them.
 */
export function returnNumberCandidates(storeId: string, returnId: string): string[] {
  const hex = returnId.replaceAll('-', '').toUpperCase();
  return Array.from({ length: hex.length - 5 }, (_, i) => `R-${storeId}-${hex.slice(0, 6 + i)}`);
}
