import type { BarcodeFormat } from './barcode-format';
import { createDecoder, type Decoder } from './create-decoder';
import {
  decodeErrorCodes,
  type DecodeWorkerRequest,
  type DecodeWorkerResponse,
  type FramePayload,
} from './decode-protocol';
import type { Frame } from './frame';
import type { WasmSource } from './wasm-engine';

export interface DecodeWorkerDeps {
  post(message: DecodeWorkerResponse): void;
  /** Where the wasm binary comes from: our own URL in the worker, the file in Node tests. */
  wasm(): WasmSource | Promise<WasmSource>;
  /** Pixels of an ImageBitmap (an OffscreenCanvas in the worker; absent in Node). */
  bitmapToFrame?(bitmap: ImageBitmap): Frame;
  now?(): number;
}

/**
 * The decoder worker's logic, apart from the worker globals so that Node tests can drive it:
 * "init" creates the decoder and answers "ready" with the engine in use; every "frame" is
 * answered with "results" or an "error" carrying the frame's id, never silently dropped.
 */
export function createDecodeWorkerHandler(
  deps: DecodeWorkerDeps,
): (request: DecodeWorkerRequest) => Promise<void> {
  const now = deps.now ?? (() => performance.now());
  // The worker decodes a video: each frame takes the engine's next pass (decode-frame.ts).
  let frameCount = 0;
  let state:
    Promise<{ decoder: Decoder; formats: readonly BarcodeFormat[]; maxSymbols?: number }> | undefined;

  async function init(request: Extract<DecodeWorkerRequest, { type: 'init' }>): Promise<void> {
    state = (async () => {
      const decoder = await createDecoder({ prefer: request.prefer, wasm: await deps.wasm() });
      return { decoder, formats: request.formats, maxSymbols: request.maxSymbols };
    })();
    try {
      const { decoder } = await state;
      deps.post({
        type: 'ready',
        engine: decoder.engine,
        ...(decoder.fallbackReason === undefined ? {} : { fallbackReason: decoder.fallbackReason }),
      });
    } catch (error) {
      deps.post({ type: 'error', code: decodeErrorCodes.initFailed, message: messageOf(error) });
    }
  }

  async function frame(request: Extract<DecodeWorkerRequest, { type: 'frame' }>): Promise<void> {
    let pixels: Frame;
    try {
      pixels = toFrame(request.frame, deps.bitmapToFrame);
    } catch (error) {
      deps.post({
        type: 'error',
        id: request.id,
        code: decodeErrorCodes.frameFailed,
        message: messageOf(error),
      });
      return;
    }
    const current = await state?.catch(() => undefined);
    if (!current) {
      deps.post({
        type: 'error',
        id: request.id,
        code: decodeErrorCodes.notReady,
        message: 'The decoder has not started',
      });
      return;
    }
    try {
      const started = now();
      const results = await current.decoder.decode(pixels, {
        formats: request.formats ?? current.formats,
        region: request.region,
        maxSymbols: current.maxSymbols,
        pass: frameCount++,
      });
      deps.post({ type: 'results', id: request.id, results, decodeMs: now() - started });
    } catch (error) {
      deps.post({
        type: 'error',
        id: request.id,
        code: decodeErrorCodes.frameFailed,
        message: messageOf(error),
      });
    }
  }

  return (request) => (request.type === 'init' ? init(request) : frame(request));
}

function toFrame(payload: FramePayload, bitmapToFrame: DecodeWorkerDeps['bitmapToFrame']): Frame {
  if (payload.kind === 'pixels') return payload;
  try {
    if (!bitmapToFrame) throw new Error('This worker cannot read ImageBitmap frames');
    return bitmapToFrame(payload.bitmap);
  } finally {
    payload.bitmap.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
