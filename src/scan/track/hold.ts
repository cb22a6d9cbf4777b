import type { Point } from '../decode/decoded-barcode';

/**
 * "Hold it in the centre to pick it": a code whose centre stays inside the middle of the
 * picture for `holdMs` is taken, once; it must leave the middle before it can be taken again.
 */
export interface HoldOptions {
  /** Half the middle box's size, as a share of the frame (0.2: the middle 40 % each way). */
  half?: number;
  holdMs?: number;
}

export interface HoldState {
  since?: number;
  trackId?: number;
  /** Taken and not yet out of the middle. */
  spent?: boolean;
}

export function inMiddle(centre: Point, width: number, height: number, half = 0.2): boolean {
  return Math.abs(centre.x - width / 2) <= half * width && Math.abs(centre.y - height / 2) <= half * height;
}

/**
 * The next state after a frame, and whether the code in the middle (undefined: none) is taken now.
 */
export function stepHold(
  state: HoldState,
  candidate: { trackId: number; centre: Point } | undefined,
  frame: { width: number; height: number },
  now: number,
  options: HoldOptions = {},
): { state: HoldState; take: boolean; progress: number } {
  const holdMs = options.holdMs ?? 800;
  if (!candidate || !inMiddle(candidate.centre, frame.width, frame.height, options.half)) {
    return { state: {}, take: false, progress: 0 };
  }
  if (state.trackId !== candidate.trackId || state.since === undefined) {
    return { state: { trackId: candidate.trackId, since: now }, take: false, progress: 0 };
  }
  if (state.spent) return { state, take: false, progress: 1 };
  const held = now - state.since;
  if (held >= holdMs) return { state: { ...state, spent: true }, take: true, progress: 1 };
  return { state, take: false, progress: held / holdMs };
}
