/** A manager's reason (override, approval, decision): the contract's bounds, checked before sending. */
export const MIN_REASON = 3;
export const MAX_REASON = 500;

export const isReason = (text: string): boolean => {
  const trimmed = text.trim();
  return trimmed.length >= MIN_REASON && trimmed.length <= MAX_REASON;
};

/**
 * The receipt address, checked as strictly as the server's schema (zod's e-mail pattern), so a
 * return taken offline is never refused on sync for an address the counter let through.
 */
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const isReceiptEmail = (text: string): boolean => text.length <= 254 && EMAIL.test(text);
