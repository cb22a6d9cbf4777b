import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import bwipjs from 'bwip-js/node';
import { chromiumArgs, chromiumExecutable } from './browser';

/**
 * A fake camera for Chromium: a barcode rendered with bwip-js, turned by ffmpeg into a .y4m
 * video that Chromium plays as its camera (--use-file-for-fake-video-capture). Each test
 * makes the video of the code it needs, then launches a browser of its own with it.
 */
export interface FakeCamera {
  video: string;
  dispose: () => void;
}

export async function barcodeVideo(
  text: string,
  bcid = 'ean13',
  { width = 640, height = 480, seconds = 2 } = {},
): Promise<FakeCamera> {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-fake-camera-'));
  const png = join(dir, 'code.png');
  const video = join(dir, 'camera.y4m');
  writeFileSync(
    png,
    await bwipjs.toBuffer({
      bcid,
      text,
      scale: 3,
      height: 18,
      includetext: true,
      paddingwidth: 12,
      paddingheight: 8,
      backgroundcolor: 'FFFFFF',
    }),
  );
  // Centred on white, the size the code would have at a comfortable reading distance.
  execFileSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-i',
      png,
      '-vf',
      `scale=w=${Math.round(width * 0.6)}:h=-2,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p`,
      '-r',
      '15',
      '-t',
      String(seconds),
      '-f',
      'yuv4mpegpipe',
      video,
    ],
    { stdio: 'pipe' },
  );
  return { video, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A browser whose camera shows the video, and which grants camera access without asking. */
export function launchWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...chromiumArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

/** A browser with a camera the associate refuses to share. */
export function launchWithDeniedCamera(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--deny-permission-prompts'],
  });
}
