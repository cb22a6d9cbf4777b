import type { BarcodeFormat } from '../decode/barcode-format';
import { allBarcodeFormats } from '../decode/barcode-format';
import type { DecodedBarcode } from '../decode/decoded-barcode';
import type { DecodeWorkerClient } from '../decode/decode-worker-client';
import type { OpenCamera } from './camera-device';
import { cameraErrorOf, closeCamera, listCameras, nextCamera, openCamera, setTorch } from './camera-device';
import type { CameraErrorCode } from './camera-device';
import { createDuplicateFilter } from './duplicate-filter';

/** A code read in a (scaled) crop, moved into the whole picture's pixels. */
function offsetCode(code: DecodedBarcode, x: number, y: number, scale: number): DecodedBarcode {
  if (!code.corners) return code;
  const move = (p: { x: number; y: number }) => ({ x: p.x * scale + x, y: p.y * scale + y });
  const { topLeft, topRight, bottomRight, bottomLeft } = code.corners;
  return {
    ...code,
    corners: {
      topLeft: move(topLeft),
      topRight: move(topRight),
      bottomRight: move(bottomRight),
      bottomLeft: move(bottomLeft),
    },
  };
}

/** The part of the picture that is decoded, as fractions of the frame: the overlay draws it. */
export interface ScanRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Wide enough for a long Code 128, tall enough for a QR or Data Matrix. */
export const defaultScanRegion: ScanRegion = { x: 0.1, y: 0.2, width: 0.8, height: 0.6 };

/** The whole picture: a shelf is read edge to edge. */
export const fullFrameRegion: ScanRegion = { x: 0, y: 0, width: 1, height: 1 };

export interface CameraScannerState {
  status: 'starting' | 'scanning' | 'paused' | 'error' | 'stopped';
  error?: CameraErrorCode;
  hasTorch: boolean;
  torchOn: boolean;
  canSwitch: boolean;
  /** The decoder engine in use, once it started: 'wasm' or the 'js' fallback. */
  engine?: string;
}

/** Every code of one decoded frame, corners in the video's pixels (multi-code mode). */
export interface FrameCodes {
  codes: DecodedBarcode[];
  width: number;
  height: number;
  /** performance.now() when the frame was taken from the video. */
  at: number;
}

export interface CameraScannerOptions {
  video: HTMLVideoElement;
  /** Each new code once (the duplicate filter drops repeats): a scan step. */
  onCode?: (code: DecodedBarcode) => void;
  /**
   * Every decoded frame, empty ones too, with all its codes (find and count: a tracker follows
   * them). Pair it with maxSymbols above 1 and a region over the whole picture.
   */
  onFrame?: (frame: FrameCodes) => void;
  /** Codes read per frame: 1 for a scan step, more to read a whole shelf. */
  maxSymbols?: number;
  /**
   * Frames wider than this are scaled down before decoding (corners are given back in the
   * video's pixels): a shelf's codes stay readable at 960 px and decode in half the time.
   */
  maxDecodeWidth?: number;
  onState: (state: CameraScannerState) => void;
  formats?: readonly BarcodeFormat[];
  region?: ScanRegion;
  /** For a page that is not visible; tests pass their own. */
  document?: Document;
}

export interface CameraScanner {
  toggleTorch(): Promise<void>;
  switchCamera(): Promise<void>;
  /** Releases the camera and the decoder; the step is over. */
  stop(): void;
}

/** Set once per camera start, when its first frame is on screen: the scan-to-confirm bench reads it. */
export const CAMERA_FIRST_FRAME_MARK = 'aisle-camera-first-frame';

/**
 * Runs the camera for one scan step: the rear camera into `video`, every frame the decoder is
 * free for cropped to the scan region and sent to the decoder worker (frames arriving while it
 * is busy are skipped, never queued), each new code reported once. The camera is released
 * while the page is hidden and taken again when it shows.
 */
export function startCameraScanner(options: CameraScannerOptions): CameraScanner {
  const doc = options.document ?? document;
  const region = options.region ?? defaultScanRegion;
  const duplicates = createDuplicateFilter();
  let state: CameraScannerState = { status: 'starting', hasTorch: false, torchOn: false, canSwitch: false };
  let camera: OpenCamera | undefined;
  let client: DecodeWorkerClient | undefined;
  let deviceId: string | undefined;
  let stopped = false;
  let run = 0; // bumps on every (re)start, so a stale frame loop ends itself

  const update = (next: Partial<CameraScannerState>) => {
    state = { ...state, ...next };
    options.onState(state);
  };

  async function decoder(): Promise<DecodeWorkerClient> {
    if (!client) {
      const { createDecodeWorkerClient } = await import('../decode/decode-worker-client');
      client = createDecodeWorkerClient({
        formats: options.formats ?? allBarcodeFormats,
        maxSymbols: options.maxSymbols,
      });
      void client.ready.then(
        ({ engine }) => !stopped && update({ engine }),
        () => undefined,
      );
    }
    return client;
  }

  async function start(): Promise<void> {
    const myRun = ++run;
    update({ status: 'starting', error: undefined });
    try {
      const [opened, decode] = await Promise.all([openCamera(deviceId), decoder()]);
      if (stopped || myRun !== run) {
        closeCamera(opened);
        return;
      }
      camera = opened;
      deviceId = opened.deviceId;
      options.video.srcObject = opened.stream;
      options.video.muted = true;
      options.video.playsInline = true;
      await options.video.play();
      const cameras = await listCameras().catch(() => []);
      update({
        status: 'scanning',
        hasTorch: opened.hasTorch,
        torchOn: false,
        canSwitch: cameras.length > 1,
      });
      loop(myRun, decode, true);
    } catch (error) {
      if (stopped || myRun !== run) return;
      update({ status: 'error', error: cameraErrorOf(error).code });
    }
  }

  function loop(myRun: number, decode: DecodeWorkerClient, first: boolean): void {
    const video = options.video;
    const onFrame = () => {
      if (stopped || myRun !== run) return;
      if (first) performance.mark(CAMERA_FIRST_FRAME_MARK);
      void decodeFrame(decode).finally(() => loop(myRun, decode, false));
    };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(onFrame);
    else requestAnimationFrame(onFrame);
  }

  async function decodeFrame(decode: DecodeWorkerClient): Promise<void> {
    const video = options.video;
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height || decode.busy) return;
    const at = performance.now();
    const left = Math.round(region.x * width);
    const top = Math.round(region.y * height);
    const cropWidth = Math.round(region.width * width);
    const cropHeight = Math.round(region.height * height);
    const scale =
      options.maxDecodeWidth && cropWidth > options.maxDecodeWidth ? cropWidth / options.maxDecodeWidth : 1;
    const bitmap = await createImageBitmap(
      video,
      left,
      top,
      cropWidth,
      cropHeight,
      scale === 1
        ? undefined
        : {
            resizeWidth: Math.round(cropWidth / scale),
            resizeHeight: Math.round(cropHeight / scale),
            resizeQuality: 'medium',
          },
    );
    try {
      const outcome = await decode.decode(bitmap);
      if (!outcome || stopped) return;
      const now = performance.now();
      if (options.onCode) {
        for (const code of outcome.results) {
          if (duplicates.accept(code.text, now)) options.onCode(code);
        }
      }
      options.onFrame?.({
        codes:
          left === 0 && top === 0 && scale === 1
            ? outcome.results
            : outcome.results.map((c) => offsetCode(c, left, top, scale)),
        width,
        height,
        at,
      });
    } catch (error) {
      // One unreadable frame is not worth a word; a dead worker is.
      if ((error as { code?: string }).code === 'decode.workerFailed')
        update({ status: 'error', error: 'camera.failed' });
    }
  }

  function release(): void {
    run++;
    closeCamera(camera);
    camera = undefined;
    options.video.srcObject = null;
  }

  const onVisibility = () => {
    if (stopped) return;
    if (doc.visibilityState === 'hidden') {
      release();
      update({ status: 'paused', torchOn: false });
    } else if (state.status === 'paused') {
      void start();
    }
  };
  doc.addEventListener('visibilitychange', onVisibility);
  void start();

  return {
    async toggleTorch() {
      if (!camera || !state.hasTorch) return;
      const on = !state.torchOn;
      await setTorch(camera.track, on);
      update({ torchOn: on });
    },
    async switchCamera() {
      const next = nextCamera(await listCameras(), deviceId);
      if (!next) return;
      release();
      deviceId = next;
      duplicates.reset();
      await start();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      doc.removeEventListener('visibilitychange', onVisibility);
      release();
      client?.terminate();
      client = undefined;
      update({ status: 'stopped', torchOn: false });
    },
  };
}
