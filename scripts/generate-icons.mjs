// Draws the app icons (public/icons/*.png) from the same shapes as public/favicon.svg:
// an amber "A" on the header's dark background. Built-in modules only, so no image
// package is needed. Run `node scripts/generate-icons.mjs` after changing the logo.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

const BACKGROUND = [0x11, 0x18, 0x27]; // --header-bg
const GLYPH = [0xfb, 0xbf, 0x24]; // --accent

// favicon.svg in its 64-unit box: "M18 48 32 14l14 34M23 37h18", stroke 6, round caps.
const STROKES = [
  [18, 48, 32, 14],
  [32, 14, 46, 48],
  [23, 37, 41, 37],
];
const HALF_STROKE = 3;
const CORNER_RADIUS = 14;

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px, py, [ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.max(radius, Math.min(64 - radius, x));
  const cy = Math.max(radius, Math.min(64 - radius, y));
  return x >= 0 && x <= 64 && y >= 0 && y <= 64 && Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * One icon as RGBA rows. `glyphScale` shrinks the "A" about the centre (maskable icons keep
 * it inside the safe zone); `rounded` gives transparent corners, otherwise the square is full.
 */
function draw(size, { glyphScale, rounded }) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      let background = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((col + (sx + 0.5) / samples) / size) * 64;
          const y = ((row + (sy + 0.5) / samples) / size) * 64;
          if (rounded && !insideRoundedSquare(x, y, CORNER_RADIUS)) continue;
          background += 1;
          const gx = 32 + (x - 32) / glyphScale;
          const gy = 32 + (y - 32) / glyphScale;
          if (STROKES.some((stroke) => segmentDistance(gx, gy, stroke) <= HALF_STROKE)) glyph += 1;
        }
      }
      const total = samples * samples;
      const mix = background === 0 ? 0 : glyph / background;
      const offset = (row * size + col) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        pixels[offset + channel] = Math.round(BACKGROUND[channel] * (1 - mix) + GLYPH[channel] * mix);
      }
      pixels[offset + 3] = Math.round((background / total) * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let row = 0; row < size; row += 1) {
    raw[row * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  { file: 'icon-192.png', size: 192, glyphScale: 1, rounded: true },
  { file: 'icon-512.png', size: 512, glyphScale: 1, rounded: true },
  // Maskable: full bleed, the "A" inside the central 80% circle the platform may crop to.
  { file: 'icon-512-maskable.png', size: 512, glyphScale: 0.7, rounded: false },
  // iOS rounds the corners itself and shows transparency as black.
  { file: 'apple-touch-icon-180.png', size: 180, glyphScale: 0.85, rounded: false },
];

mkdirSync(outDir, { recursive: true });
for (const { file, size, ...options } of icons) {
  writeFileSync(join(outDir, file), encodePng(size, draw(size, options)));
  console.log(`wrote public/icons/${file}`);
}
