/** An RGBA frame, ImageData-like: a canvas ImageData or pixels decoded in Node both fit. */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A rectangle in frame pixels, e.g. the scan-region overlay of the camera view. */
export interface CropRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The region clamped to the frame and rounded to whole pixels; undefined when it is empty. */
export function clampRegion(frame: Frame, region: CropRegion): CropRegion | undefined {
  const x = Math.max(0, Math.floor(region.x));
  const y = Math.max(0, Math.floor(region.y));
  const right = Math.min(frame.width, Math.ceil(region.x + region.width));
  const bottom = Math.min(frame.height, Math.ceil(region.y + region.height));
  if (right <= x || bottom <= y) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

/** A copy of the region's pixels: both engines read one contiguous width × height buffer. */
export function cropFrame(frame: Frame, region: CropRegion): Frame {
  if (region.x === 0 && region.y === 0 && region.width === frame.width && region.height === frame.height) {
    return frame;
  }
  const data = new Uint8ClampedArray(region.width * region.height * 4);
  const rowBytes = region.width * 4;
  for (let row = 0; row < region.height; row++) {
    const start = ((region.y + row) * frame.width + region.x) * 4;
    data.set(frame.data.subarray(start, start + rowBytes), row * rowBytes);
  }
  return { data, width: region.width, height: region.height };
}

/** Throws on a frame whose buffer does not hold width × height RGBA pixels. */
export function assertFrame(frame: Frame): void {
  if (frame.width <= 0 || frame.height <= 0 || frame.data.length !== frame.width * frame.height * 4) {
    throw new RangeError(
      `A frame needs width × height × 4 bytes of RGBA: ${frame.width}×${frame.height} has ${frame.data.length}`,
    );
  }
}
