import type { Frame } from './frame';

/**
 * The frame resampled by `factor` (bilinear, pixel centres aligned): 2 doubles it, 2/3 makes it
 * look as from further away. The decoder's last look at a still image reads a code of barely
 * 1.5 px a module on the doubled picture, where its edges fall between pixels.
 */
export function scaleFrame(frame: Frame, factor: number): Frame {
  const width = Math.max(1, Math.round(frame.width * factor));
  const height = Math.max(1, Math.round(frame.height * factor));
  const { data: source, width: sourceWidth, height: sourceHeight } = frame;
  const data = new Uint8ClampedArray(width * height * 4);
  const xs = new Int32Array(width);
  const fxs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(sourceWidth - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    xs[x] = Math.min(sourceWidth - 2, Math.floor(sx));
    fxs[x] = sourceWidth === 1 ? 0 : sx - xs[x]!;
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(sourceHeight - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.max(0, Math.min(sourceHeight - 2, Math.floor(sy)));
    const fy = sourceHeight === 1 ? 0 : sy - y0;
    const row0 = y0 * sourceWidth * 4;
    const row1 = sourceHeight === 1 ? row0 : row0 + sourceWidth * 4;
    for (let x = 0, out = y * width * 4; x < width; x++, out += 4) {
      const a = row0 + Math.max(0, xs[x]!) * 4;
      const b = sourceWidth === 1 ? a : a + 4;
      const c = row1 + Math.max(0, xs[x]!) * 4;
      const d = sourceWidth === 1 ? c : c + 4;
      const fx = fxs[x]!;
      for (let k = 0; k < 3; k++) {
        const top = source[a + k]! + (source[b + k]! - source[a + k]!) * fx;
        const bottom = source[c + k]! + (source[d + k]! - source[c + k]!) * fx;
        data[out + k] = top + (bottom - top) * fy;
      }
      data[out + 3] = 255;
    }
  }
  return { data, width, height };
}
