import type { Frame } from './frame';

/**
 * One byte of luminance per pixel (BT.601 weights in fixed point, the ones zxing-wasm uses),
 * ignoring alpha: camera frames are opaque.
 */
export function toLuminance(frame: Frame): Uint8ClampedArray {
  const { data } = frame;
  const pixels = frame.width * frame.height;
  const luminance = new Uint8ClampedArray(pixels);
  for (let i = 0, p = 0; i < pixels; i++, p += 4) {
    luminance[i] = (306 * data[p]! + 601 * data[p + 1]! + 117 * data[p + 2]! + 512) >> 10;
  }
  return luminance;
}
