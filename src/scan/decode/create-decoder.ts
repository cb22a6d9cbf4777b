import type { DecodedBarcode } from './decoded-barcode';
import { decodeFrame, type DecodeRequest } from './decode-frame';
import type { DecoderEngine, EngineName } from './decoder-engine';
import type { Frame } from './frame';
import type { WasmSource } from './wasm-engine';

export interface CreateDecoderOptions {
  /** 'wasm' (the default) falls back to 'js' when it cannot load; 'js' never tries wasm. */
  prefer?: EngineName;
  /** Where the wasm binary comes from: required for the wasm engine, never a CDN. */
  wasm?: WasmSource;
}

export interface Decoder {
  readonly engine: EngineName;
  /** Why the wasm engine is not in use although it was preferred, for diagnostics. */
  readonly fallbackReason?: string;
  decode(frame: Frame, request: DecodeRequest): Promise<DecodedBarcode[]>;
}

/**
 * zxing-wasm when WebAssembly runs and the module loads, else the @zxing/library fallback.
 * Both engines are imported on demand, so each lands in its own chunk and the fallback is
 * fetched only where it is used.
 */
export async function createDecoder(options: CreateDecoderOptions = {}): Promise<Decoder> {
  let fallbackReason: string | undefined;
  if (options.prefer !== 'js') {
    try {
      if (typeof WebAssembly === 'undefined') throw new Error('WebAssembly is not available');
      if (!options.wasm) throw new Error('no wasm binary or URL was given');
      const { createWasmEngine } = await import('./wasm-engine');
      return decoderOver(await createWasmEngine(options.wasm));
    } catch (error) {
      fallbackReason = error instanceof Error ? error.message : String(error);
    }
  }
  const { createJsEngine } = await import('./js-engine');
  return decoderOver(createJsEngine(), fallbackReason);
}

function decoderOver(engine: DecoderEngine, fallbackReason?: string): Decoder {
  return {
    engine: engine.name,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    decode: (frame, request) => decodeFrame(engine, frame, request),
  };
}
