// Follows every code in view from decode to decode (docs/decisions/0036-multi-code-tracking.md):
// each physical code is one track, matched by content and predicted position, so the overlay
// can glide between decodes and a count counts each code once however many frames saw it.
import type { Corners, Point } from '../decode/decoded-barcode';

/** One code read in one frame, in frame pixels. */
export interface Detection {
  text: string;
  format: string;
  corners: Corners;
}

export interface Track {
  readonly id: number;
  readonly text: string;
  readonly format: string;
  /** Where it was last read (or, out of view, where the scene's motion has carried it). */
  corners: Corners;
  /** Frame pixels per millisecond, smoothed over decodes. */
  velocity: Point;
  /** When `corners` held (a read, or the last frame that moved it with the scene). */
  at: number;
  firstSeen: number;
  lastSeen: number;
  /** Frames it was read in. */
  hits: number;
  /** Read in the latest frame. */
  visible: boolean;
  /** Decoded frames in a row that did not read it. */
  missed: number;
}

export interface TrackerOptions {
  /** A read matches a track when within this many code sizes of where the track was expected. */
  gate?: number;
  /** Reads before a track counts (one misread frame must not add a unit). */
  confirmHits?: number;
  /** Longest the overlay extrapolates a track's motion past its last read. */
  maxPredictMs?: number;
  /** How long the overlay keeps a track it no longer reads (a code missed in a frame or two). */
  holdMs?: number;
  /** Weight of the newest motion in the smoothed velocity, 0–1. */
  smoothing?: number;
}

/** A track as drawn at a moment: its predicted corners. */
export interface TrackView {
  id: number;
  text: string;
  format: string;
  corners: Corners;
  visible: boolean;
  confirmed: boolean;
}

const cornerKeys = ['topLeft', 'topRight', 'bottomRight', 'bottomLeft'] as const;

export function centreOf(corners: Corners): Point {
  let x = 0;
  let y = 0;
  for (const key of cornerKeys) {
    x += corners[key].x;
    y += corners[key].y;
  }
  return { x: x / 4, y: y / 4 };
}

/** The code's size: its longer diagonal, never under 8 px so a thin code still has a gate. */
export function sizeOf(corners: Corners): number {
  const d1 = Math.hypot(corners.bottomRight.x - corners.topLeft.x, corners.bottomRight.y - corners.topLeft.y);
  const d2 = Math.hypot(corners.bottomLeft.x - corners.topRight.x, corners.bottomLeft.y - corners.topRight.y);
  return Math.max(8, d1, d2);
}

export function shiftCorners(corners: Corners, by: Point): Corners {
  const out = {} as Corners;
  for (const key of cornerKeys) out[key] = { x: corners[key].x + by.x, y: corners[key].y + by.y };
  return out;
}

function blendCorners(from: Corners, to: Corners, k: number): Corners {
  const out = {} as Corners;
  for (const key of cornerKeys)
    out[key] = {
      x: from[key].x + k * (to[key].x - from[key].x),
      y: from[key].y + k * (to[key].y - from[key].y),
    };
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export class CodeTracker {
  private readonly gate: number;
  private readonly confirmHits: number;
  private readonly maxPredictMs: number;
  private readonly holdMs: number;
  private readonly smoothing: number;
  private readonly all: Track[] = [];
  private nextId = 1;

  constructor(options: TrackerOptions = {}) {
    this.gate = options.gate ?? 1.2;
    this.confirmHits = options.confirmHits ?? 2;
    this.maxPredictMs = options.maxPredictMs ?? 250;
    this.holdMs = options.holdMs ?? 700;
    this.smoothing = options.smoothing ?? 0.6;
  }

  /** Every track so far, in view or not. */
  get tracks(): readonly Track[] {
    return this.all;
  }

  /** The codes of one decoded frame, taken at `now` (ms). Returns the tracks it started. */
  update(detections: readonly Detection[], now: number): Track[] {
    const predicted = new Map(this.all.map((track) => [track, centreOf(this.predictedCorners(track, now))]));
    const matchedTrack = new Map<Track, Detection>();
    const matchedDetection = new Set<Detection>();

    // 1. Same content near where the track was expected, nearest pairs first.
    const pairs: { track: Track; detection: Detection; distance: number }[] = [];
    for (const detection of detections) {
      const at = centreOf(detection.corners);
      const gate = this.gate * sizeOf(detection.corners);
      for (const track of this.all) {
        if (track.text !== detection.text) continue;
        const distance = Math.hypot(at.x - predicted.get(track)!.x, at.y - predicted.get(track)!.y);
        if (distance <= gate) pairs.push({ track, detection, distance });
      }
    }
    this.take(pairs, matchedTrack, matchedDetection);

    // 2. The scene's own motion (the camera moved): the median shift of the codes matched above.
    const shifts = [...matchedTrack].map(([track, detection]) => {
      const from = predicted.get(track)!;
      const to = centreOf(detection.corners);
      return { x: to.x - from.x, y: to.y - from.y };
    });
    const sceneShift =
      shifts.length > 0
        ? { x: median(shifts.map((s) => s.x)), y: median(shifts.map((s) => s.y)) }
        : undefined;

    // 3. A code back in view after the camera moved: where the scene's motion puts it, or, with
    //    nothing else in view to tell the motion, the same content is taken to be the same code.
    const lost: { track: Track; detection: Detection; distance: number }[] = [];
    for (const detection of detections) {
      if (matchedDetection.has(detection)) continue;
      const at = centreOf(detection.corners);
      for (const track of this.all) {
        if (track.text !== detection.text || matchedTrack.has(track)) continue;
        const from = predicted.get(track)!;
        const expected = sceneShift ? { x: from.x + sceneShift.x, y: from.y + sceneShift.y } : from;
        const distance = Math.hypot(at.x - expected.x, at.y - expected.y);
        if (!sceneShift || distance <= 2 * this.gate * sizeOf(detection.corners))
          lost.push({ track, detection, distance });
      }
    }
    this.take(lost, matchedTrack, matchedDetection);

    for (const track of this.all) {
      const detection = matchedTrack.get(track);
      if (!detection) {
        // Not read this frame: it moves with the scene (or on its own way) and slows down.
        track.corners = shiftCorners(this.predictedCorners(track, now), sceneShift ?? { x: 0, y: 0 });
        track.at = now;
        track.velocity = { x: track.velocity.x * 0.5, y: track.velocity.y * 0.5 };
        track.visible = false;
        track.missed++;
        continue;
      }
      const before = centreOf(track.corners);
      const after = centreOf(detection.corners);
      const elapsed = now - track.at;
      if (elapsed > 0 && elapsed <= this.holdMs) {
        const k = this.smoothing;
        track.velocity = {
          x: k * ((after.x - before.x) / elapsed) + (1 - k) * track.velocity.x,
          y: k * ((after.y - before.y) / elapsed) + (1 - k) * track.velocity.y,
        };
      } else track.velocity = { x: 0, y: 0 };
      // A code that stays put is read on slightly different rows each frame: its outline is
      // eased towards the read instead of jumping, so it holds still on screen.
      const expected = this.predictedCorners(track, now);
      const moved = Math.hypot(after.x - centreOf(expected).x, after.y - centreOf(expected).y);
      track.corners =
        track.visible && moved < 0.1 * sizeOf(detection.corners)
          ? blendCorners(expected, detection.corners, 0.4)
          : detection.corners;
      track.at = now;
      track.lastSeen = now;
      track.hits++;
      track.visible = true;
      track.missed = 0;
    }

    const started: Track[] = [];
    for (const detection of detections) {
      if (matchedDetection.has(detection)) continue;
      const track: Track = {
        id: this.nextId++,
        text: detection.text,
        format: detection.format,
        corners: detection.corners,
        velocity: { x: 0, y: 0 },
        at: now,
        firstSeen: now,
        lastSeen: now,
        hits: 1,
        visible: true,
        missed: 0,
      };
      this.all.push(track);
      started.push(track);
    }
    return started;
  }

  /**
   * The tracks to draw at `now`, each moved on by its velocity since its last read: those read
   * lately, and those missed in fewer than 3 decoded frames (a slow decoder is not a lost code).
   */
  view(now: number): TrackView[] {
    return this.all
      .filter(
        (track) =>
          now - track.lastSeen <= this.holdMs ||
          (track.missed < 3 && now - track.lastSeen <= 4 * this.holdMs),
      )
      .map((track) => ({
        id: track.id,
        text: track.text,
        format: track.format,
        corners: this.predictedCorners(track, now),
        visible: track.visible,
        confirmed: track.hits >= this.confirmHits,
      }));
  }

  /** Codes counted, by content: each confirmed track once. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const track of this.all) {
      if (track.hits < this.confirmHits) continue;
      counts.set(track.text, (counts.get(track.text) ?? 0) + 1);
    }
    return counts;
  }

  /** Forgets everything: a new count. */
  reset(): void {
    this.all.length = 0;
  }

  private predictedCorners(track: Track, now: number): Corners {
    if (now - track.lastSeen > this.maxPredictMs) return track.corners;
    const dt = Math.max(0, now - track.at);
    if (dt === 0 || (track.velocity.x === 0 && track.velocity.y === 0)) return track.corners;
    return shiftCorners(track.corners, { x: track.velocity.x * dt, y: track.velocity.y * dt });
  }

  private take(
    pairs: { track: Track; detection: Detection; distance: number }[],
    matchedTrack: Map<Track, Detection>,
    matchedDetection: Set<Detection>,
  ): void {
    pairs.sort((a, b) => a.distance - b.distance);
    for (const { track, detection } of pairs) {
      if (matchedTrack.has(track) || matchedDetection.has(detection)) continue;
      matchedTrack.set(track, detection);
      matchedDetection.add(detection);
    }
  }
}
