import type { BarcodeFormat } from './barcode-format';
import type { Corners, DecodedBarcode, Point } from './decoded-barcode';
import type { DecoderEngine } from './decoder-engine';
import { assertFrame, clampRegion, cropFrame, type CropRegion, type Frame } from './frame';

export interface DecodeRequest {
  formats: readonly BarcodeFormat[];
  /** Only this part of the frame is read (the scan-region overlay); corners stay in frame pixels. */
  region?: CropRegion;
  /** At most this many codes per frame (1 by default: the JS fallback never finds more). */
  maxSymbols?: number;
  /**
   * A video frame's turn among the engine's passes (the worker counts frames); absent for a
   * still image, which gets every pass until one reads a code.
   */
  pass?: number;
}

/**
 * The one decoding pipeline: the worker, the fixture tests and the benchmarks all read frames
 * through it, whichever engine is behind it.
 */
export async function decodeFrame(
  engine: DecoderEngine,
  frame: Frame,
  request: DecodeRequest,
): Promise<DecodedBarcode[]> {
  assertFrame(frame);
  if (request.formats.length === 0) return [];
  const region = request.region ? clampRegion(frame, request.region) : undefined;
  if (request.region && !region) return [];
  const input = region ? cropFrame(frame, region) : frame;
  const results = await engine.decode(input, request.formats, request.maxSymbols ?? 1, request.pass);
  if (!region || (region.x === 0 && region.y === 0)) return results;
  return results.map((result) =>
    result.corners ? { ...result, corners: shiftCorners(result.corners, region) } : result,
  );
}

function shiftCorners(corners: Corners, by: Point): Corners {
  const shift = (point: Point): Point => ({ x: point.x + by.x, y: point.y + by.y });
  return {
    topLeft: shift(corners.topLeft),
    topRight: shift(corners.topRight),
    bottomRight: shift(corners.bottomRight),
    bottomLeft: shift(corners.bottomLeft),
  };
}
