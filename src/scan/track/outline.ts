import type { Corners, Point } from '../decode/decoded-barcode';

/**
 * The rectangle drawn around a code: its corners as read, squared up along the code's own
 * axis and grown by a margin. A linear code's corners span only the rows that were read (a
 * thin strip), so it gets at least a third of its length in height, enough to see and to tap.
 */
export function outlineOf(corners: Corners, margin = 0.08): Point[] {
  const { topLeft, topRight, bottomRight, bottomLeft } = corners;
  const centre = {
    x: (topLeft.x + topRight.x + bottomRight.x + bottomLeft.x) / 4,
    y: (topLeft.y + topRight.y + bottomRight.y + bottomLeft.y) / 4,
  };
  let ux = topRight.x - topLeft.x + (bottomRight.x - bottomLeft.x);
  let uy = topRight.y - topLeft.y + (bottomRight.y - bottomLeft.y);
  const length = Math.hypot(ux, uy) || 1;
  ux /= length;
  uy /= length;
  const vx = -uy;
  const vy = ux;
  let halfU = 0;
  let halfV = 0;
  for (const p of [topLeft, topRight, bottomRight, bottomLeft]) {
    const dx = p.x - centre.x;
    const dy = p.y - centre.y;
    halfU = Math.max(halfU, Math.abs(dx * ux + dy * uy));
    halfV = Math.max(halfV, Math.abs(dx * vx + dy * vy));
  }
  halfV = Math.max(halfV, halfU / 3);
  const pad = margin * Math.max(halfU, halfV) * 2;
  halfU += pad;
  halfV += pad;
  const at = (su: number, sv: number) => ({
    x: centre.x + su * halfU * ux + sv * halfV * vx,
    y: centre.y + su * halfU * uy + sv * halfV * vy,
  });
  return [at(-1, -1), at(1, -1), at(1, 1), at(-1, 1)];
}
