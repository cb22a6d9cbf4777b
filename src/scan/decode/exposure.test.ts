import { beforeAll, describe, expect, it } from 'vitest';
import { BarcodeFormat } from './barcode-format';
import { createDecoder, type Decoder } from './create-decoder';
import { correctExposure, measureExposure } from './exposure';
import type { Frame } from './frame';
import { nodeWasmSource } from './testing/node-wasm-binary';
import { renderCode } from './testing/render-code';
import { scaleFrame } from './resample';

const retail = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E];

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

/** Hazy or glaring: the blacks greyed and the midtones washed out (the mirror of a dim frame). */
function haze(frame: Frame, black: number, gamma: number): Frame {
  const data = new Uint8ClampedArray(frame.data.length);
  for (let p = 0; p < data.length; p += 4) {
    for (let c = 0; c < 3; c++) data[p + c] = black + (255 - black) * (frame.data[p + c]! / 255) ** gamma;
    data[p + 3] = 255;
  }
  return { data, width: frame.width, height: frame.height };
}

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
          cases.push({ text, frame: underexpose(scaleFrame(code, scale), drop, contrast) });
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

describe('the wasm engine on hazy photos and tiny codes', () => {
  let decoder: Decoder;
  const texts = ['5901234123457', '4006381333931', '8711253001202', '9780201379624', '7622210449283'];
  beforeAll(async () => {
    decoder = await createDecoder({ wasm: await nodeWasmSource() });
  });

  it('reads hazy stills with their midtones lowered, which the plain looks mostly miss', async () => {
    let plain = 0;
    for (const text of texts) {
      const frame = haze(scaleFrame(await renderCode('ean13', text), 0.68), 90, 0.5);
      expect(measureExposure(frame).dim, text).toBe(false);
      const [still] = await decoder.decode(frame, { formats: retail });
      expect(still, text).toMatchObject({ text, format: 'EAN_13' });
      const looks = await Promise.all(
        [0, 1].map((pass) => decoder.decode(frame, { formats: retail, pass, maxSymbols: 4 })),
      );
      if (looks.flat().some((code) => code.text === text)) plain++;
    }
    expect(plain).toBeLessThan(texts.length * 0.75);
  });

  it('reads a still code of 1.2 px a module on the doubled picture, corners in the frame’s pixels', async () => {
    const frame = scaleFrame(await renderCode('ean13', '5901234123457'), 0.4);
    const plain = await Promise.all([0, 1].map((pass) => decoder.decode(frame, { formats: retail, pass })));
    expect(plain.flat()).toEqual([]);
    const [still] = await decoder.decode(frame, { formats: retail });
    expect(still).toMatchObject({ text: '5901234123457', format: 'EAN_13' });
    for (const corner of Object.values(still!.corners!)) {
      expect(corner.x).toBeGreaterThanOrEqual(0);
      expect(corner.x).toBeLessThanOrEqual(frame.width);
      expect(corner.y).toBeGreaterThanOrEqual(0);
      expect(corner.y).toBeLessThanOrEqual(frame.height);
    }
    // Across the code: most of the frame's width, not of the doubled picture's.
    expect(still!.corners!.topRight.x - still!.corners!.topLeft.x).toBeGreaterThan(frame.width * 0.5);
  });
});

describe('the wasm engine on a code turned on its side', () => {
  it('reads it as a still, as ZXing Java’s try-harder mode does, but not as a camera frame', async () => {
    const decoder = await createDecoder({ wasm: await nodeWasmSource() });
    const code = await renderCode('ean13', '4006381333931');
    // Turned 90°: row y of the picture becomes column (height − 1 − y).
    const data = new Uint8ClampedArray(code.data.length);
    for (let y = 0; y < code.height; y++)
      for (let x = 0; x < code.width; x++)
        data.set(
          code.data.subarray((y * code.width + x) * 4, (y * code.width + x) * 4 + 4),
          (x * code.height + (code.height - 1 - y)) * 4,
        );
    const turned = { data, width: code.height, height: code.width };
    const [still] = await decoder.decode(turned, { formats: retail });
    expect(still).toMatchObject({ text: '4006381333931', format: 'EAN_13' });
    const turns = await Promise.all(
      [0, 1, 2, 3].map((pass) => decoder.decode(turned, { formats: retail, pass })),
    );
    expect(turns.flat()).toEqual([]);
  });
});

describe('scaleFrame', () => {
  it('doubles a frame, blending between pixel centres, and keeps it opaque', () => {
    const frame = { data: new Uint8ClampedArray([0, 0, 0, 255, 200, 200, 200, 255]), width: 2, height: 1 };
    const doubled = scaleFrame(frame, 2);
    expect([doubled.width, doubled.height]).toEqual([4, 2]);
    const row = [0, 1, 2, 3].map((x) => doubled.data[x * 4]);
    expect(row).toEqual([0, 50, 150, 200]);
    expect(doubled.data[3]).toBe(255);
    expect(scaleFrame(frame, 0.5)).toMatchObject({ width: 1, height: 1 });
  });
});
