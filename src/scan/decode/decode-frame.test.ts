import { beforeAll, describe, expect, it } from 'vitest';
import { allBarcodeFormats, BarcodeFormat } from './barcode-format';
import { createDecoder, type Decoder } from './create-decoder';
import { groupSeparator } from './gs1';
import { nodeWasmSource } from './testing/node-wasm-binary';
import { placeOn, renderCode } from './testing/render-code';
import { expandUpcE } from './upc-e';

const gs1Text = '(01)09506000134352(10)ABC123(21)XYZ';
const gs1Content = `0109506000134352` + `10ABC123${groupSeparator}21XYZ`;

describe.each(['wasm', 'js'] as const)('decodeFrame on the %s engine', (engine) => {
  let decoder: Decoder;
  beforeAll(async () => {
    decoder = await createDecoder({ prefer: engine, wasm: await nodeWasmSource() });
  });

  it('reads a browser ImageData, whose pixels are getters on its prototype', async () => {
    // The worker hands over canvas ImageData; a plain-object copy of it would lose its fields.
    const rendered = await renderCode('ean13', '4006381333931');
    class BrowserLikeImageData {
      readonly #frame = rendered;
      get data() {
        return this.#frame.data;
      }
      get width() {
        return this.#frame.width;
      }
      get height() {
        return this.#frame.height;
      }
    }
    const [code] = await decoder.decode(new BrowserLikeImageData(), { formats: allBarcodeFormats });
    expect(code).toMatchObject({ text: '4006381333931', format: 'EAN_13' });
  });

  it('reads a GS1-128 with its separators and says it is GS1', async () => {
    const [code] = await decoder.decode(await renderCode('gs1-128', gs1Text), {
      formats: [BarcodeFormat.CODE_128],
    });
    expect(code).toMatchObject({
      text: gs1Content,
      format: 'CODE_128',
      symbologyIdentifier: ']C1',
      isGs1: true,
    });
  });

  it('reads a GS1 DataMatrix with its separators and says it is GS1', async () => {
    const frame = await renderCode('gs1datamatrix', gs1Text);
    const [code] = await decoder.decode(frame, { formats: [BarcodeFormat.DATA_MATRIX] });
    expect(code).toMatchObject({
      text: gs1Content,
      format: 'DATA_MATRIX',
      symbologyIdentifier: ']d2',
      isGs1: true,
    });
  });

  it('reads a plain Code 128 as not GS1', async () => {
    const [code] = await decoder.decode(await renderCode('code128', 'AISLE-42'), {
      formats: allBarcodeFormats,
    });
    expect(code).toMatchObject({ text: 'AISLE-42', format: 'CODE_128', isGs1: false });
  });

  it('gives an EAN-13 its 13 digits and a UPC-A its 12', async () => {
    const ean = await decoder.decode(await renderCode('ean13', '4006381333931'), {
      formats: [BarcodeFormat.EAN_13],
    });
    expect(ean[0]).toMatchObject({ text: '4006381333931', format: 'EAN_13' });
    const upc = await decoder.decode(await renderCode('upca', '036000291452'), {
      formats: [BarcodeFormat.UPC_A],
    });
    expect(upc[0]).toMatchObject({ text: '036000291452', format: 'UPC_A' });
  });

  it('gives a UPC-A its 12 digits with EAN-13 on too, as a shelf is read', async () => {
    // zxing-cpp alone would call it an EAN-13 "0036000291452"; ZXing Java calls it a UPC-A.
    const code = await renderCode('upca', '036000291452');
    for (const formats of [allBarcodeFormats, [BarcodeFormat.EAN_13, BarcodeFormat.UPC_A]]) {
      const [read] = await decoder.decode(code, { formats, maxSymbols: 4 });
      expect(read).toMatchObject({ text: '036000291452', format: 'UPC_A' });
    }
    // With UPC-A not asked for, it is the EAN-13 it also is.
    const [asEan] = await decoder.decode(code, { formats: [BarcodeFormat.EAN_13] });
    expect(asEan).toMatchObject({ text: '0036000291452', format: 'EAN_13' });
  });

  it('reads only inside the crop region, and gives corners in frame pixels', async () => {
    const code = await renderCode('qrcode', 'https://aisle.example/p/42');
    const frame = placeOn(code, 1280, 720, 800, 300);
    const formats = [BarcodeFormat.QR_CODE];
    expect(await decoder.decode(frame, { formats, region: { x: 0, y: 0, width: 640, height: 720 } })).toEqual(
      [],
    );
    const [found] = await decoder.decode(frame, {
      formats,
      region: { x: 640, y: 200, width: 640, height: 520 },
    });
    expect(found?.text).toBe('https://aisle.example/p/42');
    if (engine === 'wasm') {
      expect(found?.corners?.topLeft.x).toBeGreaterThanOrEqual(800);
      expect(found?.corners?.topLeft.y).toBeGreaterThanOrEqual(300);
    }
  });

  it('finds nothing in an empty frame, and nothing when no format is asked for', async () => {
    const blank = { data: new Uint8ClampedArray(640 * 480 * 4).fill(200), width: 640, height: 480 };
    expect(await decoder.decode(blank, { formats: allBarcodeFormats })).toEqual([]);
    const code = await renderCode('ean13', '4006381333931');
    expect(await decoder.decode(code, { formats: [] })).toEqual([]);
  });

  it('rejects a buffer that is not width × height RGBA', async () => {
    const frame = { data: new Uint8ClampedArray(10), width: 640, height: 480 };
    await expect(decoder.decode(frame, { formats: allBarcodeFormats })).rejects.toThrow(RangeError);
  });
});

it('reads a UPC-E as the UPC-A it stands for, which the wasm engine does', async () => {
  const decoder = await createDecoder({ wasm: await nodeWasmSource() });
  const [code] = await decoder.decode(await renderCode('upce', '01234565'), {
    formats: [BarcodeFormat.UPC_E],
  });
  expect(code).toMatchObject({ text: '012345000065', format: 'UPC_E' });
  expect(expandUpcE('01234565')).toBe('012345000065');
});

it('reads a GS1 QR code as GS1, which the wasm engine does', async () => {
  const decoder = await createDecoder({ wasm: await nodeWasmSource() });
  const [code] = await decoder.decode(await renderCode('gs1qrcode', gs1Text), {
    formats: [BarcodeFormat.QR_CODE],
  });
  expect(code).toMatchObject({ text: gs1Content, symbologyIdentifier: ']Q3', isGs1: true });
});

it('falls back to the js engine, and says why, when the wasm binary cannot be had', async () => {
  const decoder = await createDecoder({ wasm: { binary: new ArrayBuffer(8) } });
  expect(decoder.engine).toBe('js');
  expect(decoder.fallbackReason).toBeTruthy();
  expect((await createDecoder()).engine).toBe('js');
});
