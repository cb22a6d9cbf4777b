import { beforeAll, describe, expect, it } from 'vitest';
import { BarcodeFormat } from './barcode-format';
import { createDecoder, type Decoder } from './create-decoder';
import { correctExposure, measureExposure } from './exposure';
import type { Frame } from './frame';
import { nodeWasmSource } from './testing/node-wasm-binary';
import { renderCode } from './testing/render-code';

const retail = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E];

/** The frame resampled (bilinear) to `scale` of its size, as a camera sees a code further away. */
function resample(frame: Frame, scale: number): Frame {
  const width = Math.round(frame.width * scale);
  const height = Math.round(frame.height * scale);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.min(frame.width - 1.001, (x + 0.5) / scale - 0.5);
      const sy = Math.min(frame.height - 1.001, (y + 0.5) / scale - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const y0 = Math.max(0, Math.floor(sy));
      const fx = Math.max(0, sx - x0);
      const fy = Math.max(0, sy - y0);
      for (let c = 0; c < 4; c++) {
        const at = (xx: number, yy: number) => frame.data[(yy * frame.width + xx) * 4 + c]!;
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        data[(y * width + x) * 4 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { data, width, height };
}

/** Underexposed: everything darker by `drop` of full scale, the darkest greys clamped to black. */
function underexpose(frame: Frame, drop: number, contrast = 1): Frame {
  const data = new Uint8ClampedArray(frame.data.length);
  for (let p = 0; p < data.length; p += 4) {
    for (let c = 0; c < 3; c++) data[p + c] = (frame.data[p + c]! - 128) * contrast + 128 - 255 * drop;
    data[p + 3] = 255;
  }
  return { data, width: frame.width, height: frame.height };
}

describe('exposure', () => {
  it('calls a frame dim when its whites are low and its blacks crushed, not when it is merely grey', () => {
    const grey = (low: number, high: number): Frame => {
      const data = new Uint8ClampedArray(200 * 100 * 4);
      for (let i = 0; i < 200 * 100; i++) data.fill(i % 200 < 100 ? low : high, i * 4, i * 4 + 3);
      for (let i = 3; i < data.length; i += 4) data[i] = 255;
      return { data, width: 200, height: 100 };
    };
    expect(measureExposure(grey(0, 160))).toMatchObject({ black: 0, white: 160, dim: true });
    expect(measureExposure(grey(0, 255)).dim).toBe(false);
    // Dark but nothing clamped: no crushed greys to bring back.
    expect(measureExposure(grey(90, 180)).dim).toBe(false);
    // Too flat to hold a code.
    expect(measureExposure(grey(0, 12)).dim).toBe(false);
    expect(correctExposure(grey(0, 255))).toBeUndefined();
    const corrected = correctExposure(grey(0, 160))!;
    expect([corrected.data[0], corrected.data[150 * 4]]).toEqual([0, 255]);
  });
});

describe('the wasm engine on dim frames', () => {
  let decoder: Decoder;
  // Codes at about 2 px a module (2/3 of bwip-js's 3 px), underexposed by a fifth to a third
  // of full scale: the plain passes read their bars too wide and miss many.
  const texts = ['5901234123457', '4006381333931', '8711253001202', '9780201379624', '7622210449283'];
  const cases: { text: string; frame: Frame }[] = [];
  beforeAll(async () => {
    decoder = await createDecoder({ wasm: await nodeWasmSource() });
    for (const text of texts) {
      const code = await renderCode('ean13', text);
      for (const scale of [0.64, 0.68])
        for (const [drop, contrast] of [
          [0.2, 1],
          [0.3, 0.8],
        ] as const)
          cases.push({ text, frame: underexpose(resample(code, scale), drop, contrast) });
    }
  });

  it('reads every one as a still image, and as camera frames within one round of turns', async () => {
    for (const { text, frame } of cases) {
      expect(measureExposure(frame).dim, text).toBe(true);
      const [still] = await decoder.decode(frame, { formats: retail });
      expect(still, text).toMatchObject({ text, format: 'EAN_13' });
      const turns = await Promise.all(
        [0, 1, 2, 3].map((pass) => decoder.decode(frame, { formats: retail, pass, maxSymbols: 4 })),
      );
      expect(
        turns.flat().map((code) => code.text),
        text,
      ).toContain(text);
    }
  });

  it('needs the exposure pass for it: the frames as they are miss a good share', async () => {
    let plain = 0;
    for (const { text, frame } of cases) {
      const read = await Promise.all(
        [0, 1].map((pass) => decoder.decode(frame, { formats: retail, pass, maxSymbols: 4 })),
      );
      if (read.flat().some((code) => code.text === text)) plain++;
    }
    expect(plain).toBeLessThan(cases.length * 0.75);
  });
});
