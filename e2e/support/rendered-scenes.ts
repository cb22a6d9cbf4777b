// Camera scenes made in the test: product codes rendered with bwip-js (the project's own
// barcode renderer) and composed by ffmpeg into a camera's video, either a .y4m that Chromium
// plays as its fake camera (e2e) or raw RGBA frames the benchmarks decode (bench/scan-time.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';

export interface SceneCode {
  text: string;
  /** bwip-js symbology: ean13, upca, ean8, code128, qrcode… */
  bcid: string;
}

export interface SceneOptions {
  /** One code in the middle, or a shelf: a 4 × 3 grid of labels. */
  codes: readonly SceneCode[];
  width?: number;
  height?: number;
  frames?: number;
  fps?: number;
  /** Share of the frame's width a single code takes: 0.6 close, 0.2 far. A shelf fills its cells. */
  distance?: number;
  /** The camera turned, degrees. */
  angle?: number;
  /** Out of focus: Gaussian blur sigma, in pixels. */
  blur?: number;
  /** Light: ffmpeg eq brightness (−1…1; dim is −0.25) and contrast (1 normal, 0.5 glare). */
  brightness?: number;
  contrast?: number;
  /** Sensor noise strength, changing every frame (0–30). */
  noise?: number;
  /** The first frames come out of black as the camera's exposure settles. */
  exposureFrames?: number;
  /** A slow pan: pixels the picture moves left per frame. */
  panPerFrame?: number;
}

export const symbologyOf = (barcode: string) =>
  ({ 8: 'ean8', 12: 'upca', 13: 'ean13' })[barcode.length] ?? 'ean13';

async function codePng(code: SceneCode): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: code.bcid,
    text: code.text,
    scale: 3,
    height: 18,
    includetext: true,
    paddingwidth: 12,
    paddingheight: 8,
    backgroundcolor: 'FFFFFF',
  });
}

/** ffmpeg's arguments for the scene, writing `format` to `out`. */
async function ffmpegArgs(dir: string, options: SceneOptions, format: 'y4m' | 'rgba', out: string) {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const fps = options.fps ?? 15;
  const frames = options.frames ?? 30;
  const shelf = options.codes.length > 1;
  const pan = options.panPerFrame ?? 0;
  const inputs: string[] = [];
  for (const [i, code] of options.codes.entries()) {
    const png = join(dir, `code-${i}.png`);
    writeFileSync(png, await codePng(code));
    inputs.push('-loop', '1', '-framerate', String(fps), '-i', png);
  }
  // A wider canvas when panning, so the picture can slide along it.
  const canvasWidth = width + Math.ceil(pan * frames);
  const parts: string[] = [`color=c=white:s=${canvasWidth}x${height}:r=${fps}[bg0]`];
  let last = 'bg0';
  const columns = 4;
  const rows = Math.ceil(options.codes.length / columns);
  for (const [i] of options.codes.entries()) {
    const cellW = shelf ? width / columns : width;
    const cellH = shelf ? height / rows : height;
    const codeW = Math.round(shelf ? cellW * 0.86 : width * (options.distance ?? 0.5));
    const cx = shelf ? (i % columns) * cellW + cellW / 2 : width / 2;
    const cy = shelf ? Math.floor(i / columns) * cellH + cellH / 2 : height / 2;
    parts.push(`[${i}:v]scale=w=${codeW - (codeW % 2)}:h=-2[c${i}]`);
    parts.push(
      `[${last}][c${i}]overlay=x=${Math.round(cx)}-w/2:y=${Math.round(cy)}-h/2:shortest=1[bg${i + 1}]`,
    );
    last = `bg${i + 1}`;
  }
  const post: string[] = [];
  if (pan > 0) post.push(`crop=w=${width}:h=${height}:x='min(n*${pan},${canvasWidth - width})':y=0`);
  if (options.angle) post.push(`rotate=${(options.angle * Math.PI) / 180}:fillcolor=white`);
  if (options.blur) post.push(`gblur=sigma=${options.blur}`);
  if (options.brightness !== undefined || options.contrast !== undefined)
    post.push(`eq=brightness=${options.brightness ?? 0}:contrast=${options.contrast ?? 1}`);
  if (options.noise) post.push(`noise=alls=${options.noise}:allf=t+u`);
  if (options.exposureFrames) post.push(`fade=in:0:${options.exposureFrames}`);
  post.push(format === 'y4m' ? 'format=yuv420p' : 'format=rgba');
  parts.push(`[${last}]${post.join(',')}[out]`);
  return [
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    parts.join(';'),
    '-map',
    '[out]',
    '-frames:v',
    String(frames),
    '-r',
    String(fps),
    ...(format === 'y4m' ? ['-f', 'yuv4mpegpipe'] : ['-f', 'rawvideo', '-pix_fmt', 'rgba']),
    out,
  ];
}

/** The scene as a .y4m for Chromium's fake camera. */
export async function sceneVideo(options: SceneOptions): Promise<{ video: string; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-scene-'));
  const video = join(dir, 'camera.y4m');
  execFileSync('ffmpeg', await ffmpegArgs(dir, options, 'y4m', video), { stdio: 'pipe' });
  return { video, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The scene as RGBA frames, as a camera hands them to the decoder. */
export async function sceneFrames(
  options: SceneOptions,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-scene-'));
  try {
    const raw = join(dir, 'frames.rgba');
    execFileSync('ffmpeg', await ffmpegArgs(dir, options, 'rgba', raw), { stdio: 'pipe' });
    const bytes = readFileSync(raw);
    const width = options.width ?? 640;
    const height = options.height ?? 480;
    const size = width * height * 4;
    const frames = [];
    for (let offset = 0; offset + size <= bytes.length; offset += size) {
      frames.push({
        data: new Uint8ClampedArray(bytes.buffer, bytes.byteOffset + offset, size).slice(),
        width,
        height,
      });
    }
    return frames;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
