let offsetMs = 0;

/**
 * Device clocks on handhelds drift by minutes; SLA timers use the server's clock instead.
 * Each queue response carries `serverTime`, and the offset is taken from it.
 */
export function syncServerClock(serverTime: string, receivedAt: number = Date.now()): void {
  const server = Date.parse(serverTime);
  if (Number.isFinite(server)) offsetMs = server - receivedAt;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}
