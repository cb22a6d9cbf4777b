let offsetMs = 0;

/**
 * Device clocks on handhelds drift by minutes; SLA timers use the server's clock instead.
 * Each pull carries `serverTime`; the replica keeps the offset it implies.
 */
export function setServerOffset(ms: number): void {
  if (Number.isFinite(ms)) offsetMs = ms;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}
