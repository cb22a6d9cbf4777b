import type { BarcodeFormat } from './barcode-format';
import type { DecodedBarcode } from './decoded-barcode';
import type { Frame } from './frame';

export type EngineName = 'wasm' | 'js';

/** One barcode reader behind the pipeline. decodeFrame (decode-frame.ts) crops and normalises around it. */
export interface DecoderEngine {
  readonly name: EngineName;
  /**
   * How many different ways the engine has of looking at a frame (e.g. binarizers). A camera
   * frame gets one of them, the next frame the next one; a still image gets all in turn.
   */
  readonly passes: number;
  /**
   * Reads at most `maxSymbols` codes of the given formats; none found is an empty array.
   * `pass` picks one way of looking (modulo `passes`); without it every pass is tried until
   * one finds a code.
   */
  decode(
    frame: Frame,
    formats: readonly BarcodeFormat[],
    maxSymbols: number,
    pass?: number,
  ): Promise<DecodedBarcode[]>;
}
