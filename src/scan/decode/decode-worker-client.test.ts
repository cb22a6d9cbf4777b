import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarcodeFormat } from './barcode-format';
import { createDecodeWorkerClient, DecodeError } from './decode-worker-client';
import { createDecodeWorkerHandler } from './decode-worker-handler';
import { fakeWorker } from './testing/fake-worker';
import { nodeWasmSource } from './testing/node-wasm-binary';
import { renderCode } from './testing/render-code';

const formats = [BarcodeFormat.EAN_13, BarcodeFormat.CODE_128];
const pixels = () => ({ data: new Uint8ClampedArray(16), width: 2, height: 2 });

afterEach(() => vi.unstubAllGlobals());

describe('createDecodeWorkerClient', () => {
  it('starts the worker with the formats and resolves ready with its engine', async () => {
    const fake = fakeWorker();
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    expect(fake.posted[0]?.message).toMatchObject({ type: 'init', formats });
    fake.reply({ type: 'ready', engine: 'js', fallbackReason: 'WebAssembly is not available' });
    await expect(client.ready).resolves.toEqual({
      engine: 'js',
      fallbackReason: 'WebAssembly is not available',
    });
  });

  it('keeps one frame in flight and drops the others without sending them', async () => {
    const fake = fakeWorker();
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    const frame = pixels();
    const first = client.decode(frame);
    expect(client.busy).toBe(true);
    expect(fake.posted[1]?.transfer).toEqual([frame.data.buffer]);
    await expect(client.decode(pixels())).resolves.toBeNull();
    expect(fake.posted).toHaveLength(2);

    fake.reply({ type: 'results', id: 1, results: [], decodeMs: 2 });
    await expect(first).resolves.toEqual({ results: [], decodeMs: 2 });
    expect(client.busy).toBe(false);
    void client.decode(pixels());
    expect(fake.posted[2]?.message).toMatchObject({ type: 'frame', id: 2 });
  });

  it('closes an ImageBitmap it drops, since the worker will never see it', async () => {
    class FakeBitmap {
      closed = false;
      close() {
        this.closed = true;
      }
    }
    vi.stubGlobal('ImageBitmap', FakeBitmap);
    const fake = fakeWorker();
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    const sent = new FakeBitmap() as unknown as ImageBitmap;
    void client.decode(sent);
    expect(fake.posted[1]?.message).toMatchObject({ frame: { kind: 'bitmap' } });
    expect(fake.posted[1]?.transfer).toEqual([sent]);
    const dropped = new FakeBitmap();
    await expect(client.decode(dropped as unknown as ImageBitmap)).resolves.toBeNull();
    expect(dropped.closed).toBe(true);
  });

  it('rejects a frame the worker could not read with its code, and goes on', async () => {
    const fake = fakeWorker();
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    const frame = client.decode(pixels());
    fake.reply({ type: 'error', id: 1, code: 'decode.frameFailed', message: 'bad buffer' });
    await expect(frame).rejects.toMatchObject({ code: 'decode.frameFailed', message: 'bad buffer' });
    expect(client.busy).toBe(false);
  });

  it('rejects ready and the frame in flight when the worker fails to start', async () => {
    const fake = fakeWorker();
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    const frame = client.decode(pixels());
    fake.crash();
    await expect(client.ready).rejects.toBeInstanceOf(DecodeError);
    await expect(frame).rejects.toMatchObject({ code: 'decode.workerFailed' });
  });

  it('terminates the worker and settles the frame in flight as dropped', async () => {
    const fake = fakeWorker();
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    const frame = client.decode(pixels());
    client.terminate();
    expect(fake.terminated).toBe(true);
    await expect(frame).resolves.toBeNull();
  });
});

describe('the client and the worker handler together', () => {
  it('decode a frame through the real pipeline, and report errors by frame', async () => {
    const link: { handle?: ReturnType<typeof createDecodeWorkerHandler> } = {};
    const fake = fakeWorker((message) => void link.handle?.(structuredClone(message)));
    link.handle = createDecodeWorkerHandler({ post: (message) => fake.reply(message), wasm: nodeWasmSource });
    const client = createDecodeWorkerClient({ formats, worker: fake.worker });
    await expect(client.ready).resolves.toEqual({ engine: 'wasm' });

    const outcome = await client.decode(await renderCode('ean13', '4006381333931'));
    expect(outcome?.results).toMatchObject([{ text: '4006381333931', format: 'EAN_13', isGs1: false }]);
    expect(outcome?.decodeMs).toBeGreaterThanOrEqual(0);

    const broken = { data: new Uint8ClampedArray(4), width: 64, height: 64 };
    await expect(client.decode(broken)).rejects.toMatchObject({ code: 'decode.frameFailed' });
  });

  it('answers a frame that comes before init with notReady', async () => {
    const posted: unknown[] = [];
    const handle = createDecodeWorkerHandler({
      post: (message) => posted.push(message),
      wasm: nodeWasmSource,
    });
    await handle({ type: 'frame', id: 7, frame: { kind: 'pixels', ...pixels() } });
    expect(posted).toEqual([{ type: 'error', id: 7, code: 'decode.notReady', message: expect.any(String) }]);
  });
});
