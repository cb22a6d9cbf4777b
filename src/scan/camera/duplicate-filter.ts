/**
 * A code held in front of the camera is read on every frame; it counts once. The same code
 * counts again only after it has been out of view for `absenceMs` (the associate took the unit
 * away and shows the next one), so two units of one product are two picks, and one unit held
 * still is one.
 */
export interface DuplicateFilter {
  /** True when this read is new and should be acted on. */
  accept(text: string, now: number): boolean;
  reset(): void;
}

export function createDuplicateFilter(absenceMs = 700): DuplicateFilter {
  const lastSeen = new Map<string, number>();
  return {
    accept(text, now) {
      const previous = lastSeen.get(text);
      lastSeen.set(text, now);
      // Forget codes long gone, so the map stays small over a long shift.
      for (const [code, at] of lastSeen) if (now - at > absenceMs * 10) lastSeen.delete(code);
      return previous === undefined || now - previous > absenceMs;
    },
    reset() {
      lastSeen.clear();
    },
  };
}
