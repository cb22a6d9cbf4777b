// The decoder worker: decoding runs here, off the main thread. Start it through
// createDecodeWorkerClient (decode-worker-client.ts); the protocol is in decode-protocol.ts.
// The wasm binary is our own build asset (never the CDN zxing-wasm defaults to), so the
// service worker precaches it with the rest of the app (vite.config.ts globPatterns: wasm).
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { decodeErrorCodes, type DecodeWorkerRequest, type DecodeWorkerResponse } from './decode-protocol';
import { createDecodeWorkerHandler } from './decode-worker-handler';
import type { Frame } from './frame';

interface WorkerScope {
  postMessage(message: DecodeWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DecodeWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;

/** One canvas for every frame, resized only when the camera's resolution changes. */
function bitmapToFrame(bitmap: ImageBitmap): Frame {
  if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
    canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('No 2D context for OffscreenCanvas');
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

const handle = createDecodeWorkerHandler({
  post: (message) => scope.postMessage(message),
  wasm: () => ({ url: new URL(zxingReaderWasmUrl, self.location.href).href }),
  bitmapToFrame,
});

// Frames are handled one at a time, in order; the client sends the next only after an answer.
let queue = Promise.resolve();
scope.addEventListener('message', (event) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((error: unknown) =>
      // Only posting itself can fail here (the handler reports its own errors): say so, and go on.
      scope.postMessage({
        type: 'error',
        ...(event.data.type === 'frame' ? { id: event.data.id } : {}),
        code: decodeErrorCodes.frameFailed,
        message: error instanceof Error ? error.message : String(error),
      }),
    );
});
