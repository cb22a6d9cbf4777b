import { cameraErrorCodes } from '../../contract/device-error-codes';
/** The camera hardware: which one, opened how, and what went wrong in words the app can map. */

export { cameraErrorCodes };
export type CameraErrorCode = (typeof cameraErrorCodes)[keyof typeof cameraErrorCodes];

export class CameraError extends Error {
  constructor(
    readonly code: CameraErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CameraError';
  }
}

export interface OpenCamera {
  stream: MediaStream;
  track: MediaStreamTrack;
  deviceId: string | undefined;
  /** The device reports a torch it lets us switch. */
  hasTorch: boolean;
}

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

/** Maps getUserMedia's DOMException names onto our codes. */
export function cameraErrorOf(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError(cameraErrorCodes.denied, message);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError(cameraErrorCodes.noCamera, message);
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError(cameraErrorCodes.inUse, message);
    default:
      return new CameraError(cameraErrorCodes.failed, message);
  }
}

/**
 * Opens a camera: the one asked for, else the rear one ("environment"), at a resolution that
 * reads small codes without flooding the decoder.
 */
export async function openCamera(deviceId?: string): Promise<OpenCamera> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    throw new CameraError(
      typeof window !== 'undefined' && !window.isSecureContext
        ? cameraErrorCodes.insecure
        : cameraErrorCodes.noCamera,
      'This browser gives no access to a camera here',
    );
  }
  const video: MediaTrackConstraints = {
    width: { ideal: 1280 },
    height: { ideal: 720 },
    ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
  };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (error) {
    throw cameraErrorOf(error);
  }
  const [track] = stream.getVideoTracks();
  if (!track) {
    stream.getTracks().forEach((t) => t.stop());
    throw new CameraError(cameraErrorCodes.noCamera, 'The camera gave no video');
  }
  const capabilities = (track.getCapabilities?.() ?? {}) as TorchCapabilities;
  return { stream, track, deviceId: track.getSettings().deviceId, hasTorch: capabilities.torch === true };
}

/** The cameras the associate can switch between (labels appear once permission was given). */
export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput');
}

/** The camera after `current` in the list, round and round. */
export function nextCamera(
  cameras: readonly MediaDeviceInfo[],
  current: string | undefined,
): string | undefined {
  if (cameras.length < 2) return undefined;
  const index = cameras.findIndex((camera) => camera.deviceId === current);
  return cameras[(index + 1) % cameras.length]?.deviceId;
}

export async function setTorch(track: MediaStreamTrack, on: boolean): Promise<void> {
  await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}

export function closeCamera(camera: OpenCamera | undefined): void {
  camera?.stream.getTracks().forEach((track) => track.stop());
}
