import {
  BinaryBitmap,
  BitArray,
  Code128Reader,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { code128Svg, pickupPassQrSvg } from './barcode-svg';

/*
 * The SVGs are rasterised here (bwip-js draws only axis-aligned paths) and read back with
 * zxing, so the test proves what a scanner would see, in Node as on the server.
 */

const viewBox = (svg: string) => {
  const match = /^<svg viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
};

function bitmap(width: number, height: number, dark: (x: number, y: number) => boolean) {
  const pixels = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels[y * width + x] = dark(x + 0.5, y + 0.5) ? 0 : 255;
  }
  return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)));
}

/** Filled outlines ("M x y L x y … Z"): a point is dark when a ray to the right crosses an odd number of vertical edges. */
function filledPaths(svg: string) {
  const edges: { x: number; y1: number; y2: number }[] = [];
  for (const [, d = ''] of svg.matchAll(/<path[^>]* d="([^"]+)"/g)) {
    for (const outline of d.split('Z')) {
      const points = [...outline.matchAll(/[ML]\s*(-?[\d.]+)\s+(-?[\d.]+)/g)].map(([, x, y]) => [
        Number(x),
        Number(y),
      ]);
      points.forEach(([x1 = 0, y1 = 0], i) => {
        const [x2 = 0, y2 = 0] = points[(i + 1) % points.length] ?? [];
        if (x1 === x2 && y1 !== y2) edges.push({ x: x1, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
      });
    }
  }
  return (x: number, y: number) => edges.filter((e) => e.x > x && e.y1 <= y && y < e.y2).length % 2 === 1;
}

/** Stroked vertical bars ("M x h L x 0" with a stroke width): Code 128 as bwip-js draws it. */
function strokedBars(svg: string) {
  const bars: { from: number; to: number }[] = [];
  for (const [, width = '0', d = ''] of svg.matchAll(
    /<path stroke="[^"]+" stroke-width="([\d.]+)" d="([^"]+)"/g,
  )) {
    for (const [, x] of d.matchAll(/M\s*([\d.]+)\s/g)) {
      bars.push({ from: Number(x) - Number(width) / 2, to: Number(x) + Number(width) / 2 });
    }
  }
  return (x: number) => bars.some((bar) => bar.from <= x && x < bar.to);
}

const pass = 'AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:Ab3dEf_h:' + 'Zq9-'.repeat(21) + 'Zg';

describe('barcode SVGs (bwip-js generic build, the same in the browser and on the server)', () => {
  it('draws the pickup pass as a QR code that reads back to the exact pass text', () => {
    const svg = pickupPassQrSvg(pass);
    const { width, height } = viewBox(svg);
    expect(width).toBe(height);
    expect(svg).not.toContain('<text');
    const dark = filledPaths(svg);
    expect(new QRCodeReader().decode(bitmap(width, height, dark)).getText()).toBe(pass);
  });

  it('draws a location label as Code 128 that reads back to the label text', () => {
    const label = 'LOC:MI01:STG:MI01-A03';
    const svg = code128Svg(label);
    const { width } = viewBox(svg);
    expect(svg).not.toContain('<text');
    const dark = strokedBars(svg);
    const image = bitmap(width, 1, (x) => dark(x));
    const result = new Code128Reader().decodeRow(0, image.getBlackRow(0, new BitArray(width)), new Map());
    expect(result.getText()).toBe(label);
  });
});
