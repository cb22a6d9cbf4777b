// The main thread's handle on the decoder worker. The camera UI imports this module lazily
// (`await import('…/scan/decode/decode-worker-client')`), so no decoder code is in the initial
// bundle; the worker, zxing-wasm's glue, the .wasm and the JS fallback are chunks of their own.
//
//   const client = createDecodeWorkerClient({ formats: ['EAN_13', 'UPC_A', 'CODE_128'] });
//   const { engine } = await client.ready;          // 'wasm' or 'js'
//   // per video frame (requestVideoFrameCallback), e.g. with the scan-region overlay:
//   const outcome = await client.decode(await createImageBitmap(video), { region });
//   if (outcome === null) { /* dropped: the previous frame is still being decoded */ }
//   else for (const code of outcome.results) { /* code.text, code.format, code.isGs1, code.corners */ }
//   client.terminate();                              // when the camera closes
import type { BarcodeFormat } from './barcode-format';
import type { DecodedBarcode } from './decoded-barcode';
import {
  decodeErrorCodes,
  type DecodeErrorCode,
  type DecodeWorkerRequest,
  type DecodeWorkerResponse,
  type FramePayload,
} from './decode-protocol';
import type { EngineName } from './decoder-engine';
import type { CropRegion, Frame } from './frame';

/** Just what the client uses of a Worker, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: DecodeWorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface DecodeWorkerClientOptions {
  /** The formats read by default; decode() may narrow them per frame. */
  formats: readonly BarcodeFormat[];
  /** 'wasm' (default) falls back to 'js' by itself; 'js' forces the fallback. */
  prefer?: EngineName;
  /** Codes per frame, 1 by default. */
  maxSymbols?: number;
  /** Tests pass a fake; by default the bundled decode worker is started. */
  worker?: WorkerLike;
}

export interface DecodeOutcome {
  results: DecodedBarcode[];
  /** Time the worker spent decoding, without the messaging. */
  decodeMs: number;
}

export interface DecodeWorkerClient {
  /** Resolves with the engine in use once the worker has started it; rejects with a DecodeError. */
  readonly ready: Promise<{ engine: EngineName; fallbackReason?: string }>;
  /** True while a frame is in the worker. */
  readonly busy: boolean;
  /**
   * Sends the frame, transferring it: an ImageBitmap is closed by the worker, an ImageData's
   * buffer is detached. Resolves null at once, without sending, while another frame is in
   * flight (a dropped bitmap is closed here), so frames never queue up behind a slow decode.
   * Rejects with a DecodeError when the worker could not read this frame.
   */
  decode(
    frame: ImageBitmap | Frame,
    options?: { region?: CropRegion; formats?: readonly BarcodeFormat[] },
  ): Promise<DecodeOutcome | null>;
  terminate(): void;
}

export class DecodeError extends Error {
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export function createDecodeWorkerClient(options: DecodeWorkerClientOptions): DecodeWorkerClient {
  const worker =
    options.worker ??
    (new Worker(new URL('./decode-worker.ts', import.meta.url), {
      type: 'module',
      name: 'aisle-decoder',
    }) as WorkerLike);
  let nextId = 1;
  let inFlight:
    | { id: number; resolve: (outcome: DecodeOutcome | null) => void; reject: (error: DecodeError) => void }
    | undefined;
  let settleReady: {
    resolve: (ready: { engine: EngineName; fallbackReason?: string }) => void;
    reject: (error: DecodeError) => void;
  };
  const ready = new Promise<{ engine: EngineName; fallbackReason?: string }>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  // A rejection nobody awaited yet must not be reported as unhandled: decode() rejects too.
  ready.catch(() => undefined);

  const fail = (error: DecodeError) => {
    settleReady.reject(error);
    inFlight?.reject(error);
    inFlight = undefined;
  };

  worker.addEventListener('message', (event) => {
    const message = (event as MessageEvent<DecodeWorkerResponse>).data;
    if (message.type === 'ready') {
      settleReady.resolve({
        engine: message.engine,
        ...(message.fallbackReason === undefined ? {} : { fallbackReason: message.fallbackReason }),
      });
      return;
    }
    if (message.type === 'error' && message.id === undefined) {
      fail(new DecodeError(message.code, message.message));
      return;
    }
    if (!inFlight || inFlight.id !== message.id) return;
    const { resolve, reject } = inFlight;
    inFlight = undefined;
    if (message.type === 'results') resolve({ results: message.results, decodeMs: message.decodeMs });
    else reject(new DecodeError(message.code, message.message));
  });
  const onWorkerFailure = (event: Event) =>
    fail(
      new DecodeError(
        decodeErrorCodes.workerFailed,
        typeof ErrorEvent !== 'undefined' && event instanceof ErrorEvent && event.message
          ? event.message
          : `The decoder worker failed (${event.type})`,
      ),
    );
  worker.addEventListener('error', onWorkerFailure);
  worker.addEventListener('messageerror', onWorkerFailure);

  worker.postMessage(
    { type: 'init', formats: options.formats, prefer: options.prefer, maxSymbols: options.maxSymbols },
    [],
  );

  return {
    ready,
    get busy() {
      return inFlight !== undefined;
    },
    decode(frame, frameOptions = {}) {
      if (inFlight) {
        if (isImageBitmap(frame)) frame.close();
        return Promise.resolve(null);
      }
      const id = nextId++;
      const payload: FramePayload = isImageBitmap(frame)
        ? { kind: 'bitmap', bitmap: frame }
        : { kind: 'pixels', data: frame.data, width: frame.width, height: frame.height };
      const transfer: Transferable[] =
        payload.kind === 'bitmap' ? [payload.bitmap] : [payload.data.buffer as ArrayBuffer];
      return new Promise<DecodeOutcome | null>((resolve, reject) => {
        inFlight = { id, resolve, reject };
        worker.postMessage({ type: 'frame', id, frame: payload, ...frameOptions }, transfer);
      });
    },
    terminate() {
      worker.terminate();
      inFlight?.resolve(null);
      inFlight = undefined;
    },
  };
}

function isImageBitmap(frame: ImageBitmap | Frame): frame is ImageBitmap {
  return typeof ImageBitmap !== 'undefined' && frame instanceof ImageBitmap;
}
