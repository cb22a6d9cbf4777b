import type { Frame } from './frame';

// Exposure correction for the decoder's third way of looking at a frame
// (docs/decisions/0049-exposure-pass-and-upc-a.md). A dim frame crushes its blacks: the
// grey pixels on a bar's edges go dark, every bar reads wider than it is, and a code of 2 px
// per module no longer decodes although its contrast is plenty. Stretching the frame between
// its black and white levels and lifting its midtones (a gamma under 1) puts the edges back
// where they were. A washed-out frame is left alone: lowering its midtones read fewer codes,
// not more, and bright empty frames are the common case the pass would tax.

/** Share of the sampled pixels left out at each end when the black and white levels are taken. */
const LEVEL_SHARE = 0.01;
/**
 * Dim: the white level well under full scale (underexposed) while the black level sits at the
 * bottom (the sensor's black clamp crushed the dark greys). A frame whose blacks are well above
 * zero has nothing crushed to bring back, however dark it looks.
 */
export const DIM_WHITE_LEVEL = 232;
export const CRUSHED_BLACK_LEVEL = 32;
/** Under this spread between black and white there is nothing to read: no correction. */
const MIN_SPREAD = 24;
const LIFT_GAMMA = 0.6;
const LOWER_GAMMA = 1.6;
/** Every 8th pixel of every 8th row is enough for the levels (4,800 samples at 640×480). */
const SAMPLE_STEP = 8;

export interface Exposure {
  /** Luminance levels (0–255) of the darkest and brightest 1 % of the frame. */
  black: number;
  white: number;
  /** Underexposed with crushed blacks: the midtones are worth lifting. */
  dim: boolean;
}

/** The frame's black and white levels from a sparse sample of its luminance (BT.601). */
export function measureExposure(frame: Frame): Exposure {
  const { data, width, height } = frame;
  const histogram = new Uint32Array(256);
  let samples = 0;
  for (let y = SAMPLE_STEP >> 1; y < height; y += SAMPLE_STEP) {
    for (
      let x = SAMPLE_STEP >> 1, p = (y * width + x) * 4;
      x < width;
      x += SAMPLE_STEP, p += SAMPLE_STEP * 4
    ) {
      histogram[(306 * data[p]! + 601 * data[p + 1]! + 117 * data[p + 2]! + 512) >> 10]!++;
      samples++;
    }
  }
  const cut = Math.max(1, Math.floor(samples * LEVEL_SHARE));
  let black = 0;
  for (let seen = 0; black < 255 && (seen += histogram[black]!) < cut;) black++;
  let white = 255;
  for (let seen = 0; white > 0 && (seen += histogram[white]!) < cut;) white--;
  const dim = white < DIM_WHITE_LEVEL && black < CRUSHED_BLACK_LEVEL && white - black >= MIN_SPREAD;
  return { black, white, dim };
}

/**
 * A dim frame with its levels stretched to 0–255 and its midtones lifted; undefined when the
 * frame is not dim, or too flat to hold a code.
 */
export function correctExposure(frame: Frame, exposure = measureExposure(frame)): Frame | undefined {
  return exposure.dim ? throughCurve(frame, exposure, LIFT_GAMMA) : undefined;
}

/**
 * The frame stretched between its levels with its midtones lowered: a photo's greyed blacks
 * (haze, glare, a lens that lifts them) make its spaces read too wide, the mirror of a dim
 * frame. Undefined when the frame is too flat to hold a code.
 */
export function lowerMidtones(frame: Frame, exposure = measureExposure(frame)): Frame | undefined {
  return exposure.white - exposure.black >= MIN_SPREAD
    ? throughCurve(frame, exposure, LOWER_GAMMA)
    : undefined;
}

function throughCurve(frame: Frame, { black, white }: Exposure, gamma: number): Frame {
  const curve = new Uint8Array(256);
  for (let level = 0; level < 256; level++) {
    const t = Math.min(1, Math.max(0, (level - black) / (white - black)));
    curve[level] = Math.round(255 * t ** gamma);
  }
  // Each colour channel through the same curve: zxing-wasm takes its luminance from them.
  const { data } = frame;
  const out = new Uint8ClampedArray(data.length);
  for (let p = 0; p < data.length; p += 4) {
    out[p] = curve[data[p]!]!;
    out[p + 1] = curve[data[p + 1]!]!;
    out[p + 2] = curve[data[p + 2]!]!;
    out[p + 3] = 255;
  }
  return { data: out, width: frame.width, height: frame.height };
}
