// Node only: turns test images into the RGBA frames a camera would give.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import type { Frame } from '../frame';

export const imageExtensions = ['.png', '.jpg', '.jpeg', '.gif'];

export function readImageFrame(path: string): Frame {
  const bytes = readFileSync(path);
  const extension = extname(path).toLowerCase();
  if (extension === '.png') {
    const png = PNG.sync.read(bytes);
    return onWhite({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
  }
  if (extension === '.jpg' || extension === '.jpeg') {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { data: new Uint8ClampedArray(image.data), width: image.width, height: image.height };
  }
  if (extension === '.gif') {
    const gif = new GifReader(bytes);
    const data = new Uint8ClampedArray(gif.width * gif.height * 4);
    gif.decodeAndBlitFrameRGBA(0, data);
    return onWhite({ data, width: gif.width, height: gif.height });
  }
  throw new Error(`Not an image this reader knows: ${path}`);
}

/** Composites transparent pixels over white, as the page behind a printed code would be. */
function onWhite(frame: Frame): Frame {
  const { data } = frame;
  for (let p = 0; p < data.length; p += 4) {
    const alpha = data[p + 3]!;
    if (alpha === 255) continue;
    for (let c = 0; c < 3; c++) data[p + c] = (data[p + c]! * alpha + 255 * (255 - alpha)) / 255;
    data[p + 3] = 255;
  }
  return frame;
}
