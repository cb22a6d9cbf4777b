// Node only: barcodes drawn by bwip-js, as clean camera-like frames.
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import type { Frame } from '../frame';

/** `text` as bwip-js takes it: GS1 symbologies in "(01)…(10)…" form. White background, quiet zone. */
export async function renderCode(bcid: string, text: string): Promise<Frame> {
  const png = PNG.sync.read(
    await bwipjs.toBuffer({
      bcid,
      text,
      scale: 3,
      paddingwidth: 24,
      paddingheight: 24,
      backgroundcolor: 'FFFFFF',
    }),
  );
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
}

/** The frame placed at (x, y) on a larger white one, as a code seen off-centre. */
export function placeOn(frame: Frame, width: number, height: number, x: number, y: number): Frame {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let row = 0; row < frame.height; row++) {
    const start = row * frame.width * 4;
    data.set(frame.data.subarray(start, start + frame.width * 4), ((y + row) * width + x) * 4);
  }
  return { data, width, height };
}
