/**
 * The instant the return policy judges a return at. Normally the device's clock when the goods
 * were taken: a return taken offline today and synced tomorrow is judged on today. A device
 * clock cannot be trusted blindly, though (docs/sync: device clocks never decide anything), so
 * the server's own time is used instead when the device's is impossible: more than 5 minutes in
 * the future, older than the longest time a command may wait offline, or before the customer
 * even received the goods.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
export const MAX_OFFLINE_MS = 30 * 86_400_000;

export function policyInstant(takenAt: string, serverNow: Date, receivedAt: string | null): string {
  const taken = Date.parse(takenAt);
  const now = serverNow.getTime();
  const impossible =
    Number.isNaN(taken) ||
    taken > now + MAX_CLOCK_AHEAD_MS ||
    taken < now - MAX_OFFLINE_MS ||
    (receivedAt !== null && taken < Date.parse(receivedAt));
  return impossible ? serverNow.toISOString() : new Date(taken).toISOString();
}
