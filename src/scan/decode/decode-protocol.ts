// The messages between the main thread (decode-worker-client.ts) and the decoder worker
// (decode-worker.ts). Plain data only: everything here is structured-cloned or transferred.
import type { BarcodeFormat } from './barcode-format';
import type { DecodedBarcode } from './decoded-barcode';
import type { EngineName } from './decoder-engine';
import type { CropRegion } from './frame';
import { decodeErrorCodes } from '../../contract/device-error-codes';

export { decodeErrorCodes };

export type DecodeErrorCode = (typeof decodeErrorCodes)[keyof typeof decodeErrorCodes];

/** An ImageBitmap (transferred, closed by the worker) or RGBA pixels (their buffer transferred). */
export type FramePayload =
  | { kind: 'bitmap'; bitmap: ImageBitmap }
  | { kind: 'pixels'; data: Uint8ClampedArray; width: number; height: number };

export type DecodeWorkerRequest =
  | { type: 'init'; formats: readonly BarcodeFormat[]; prefer?: EngineName; maxSymbols?: number }
  | {
      type: 'frame';
      id: number;
      frame: FramePayload;
      region?: CropRegion;
      /** Overrides the formats given at init, for this frame only. */
      formats?: readonly BarcodeFormat[];
    };

export type DecodeWorkerResponse =
  | { type: 'ready'; engine: EngineName; fallbackReason?: string }
  | { type: 'results'; id: number; results: DecodedBarcode[]; decodeMs: number }
  | { type: 'error'; id?: number; code: DecodeErrorCode; message: string };
