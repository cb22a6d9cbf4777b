import { useCallback, useEffect, useRef, useState } from 'react';
import type { BarcodeFormat } from '../decode/barcode-format';
import type { DecodedBarcode } from '../decode/decoded-barcode';
import type { CameraScanner, CameraScannerState, FrameCodes, ScanRegion } from './camera-scanner';
import { startCameraScanner } from './camera-scanner';

/**
 * The camera of a scan step while `video` is mounted: started on mount, released on unmount
 * (the step ended or the associate closed the camera). `retry` starts it again after an error.
 */
export function useCameraScanner(options: {
  onCode?: (code: DecodedBarcode) => void;
  onFrame?: (frame: FrameCodes) => void;
  maxSymbols?: number;
  maxDecodeWidth?: number;
  formats?: readonly BarcodeFormat[];
  region?: ScanRegion;
}) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const scannerRef = useRef<CameraScanner | null>(null);
  const onCodeRef = useRef(options.onCode);
  const onFrameRef = useRef(options.onFrame);
  const [state, setState] = useState<CameraScannerState>({
    status: 'starting',
    hasTorch: false,
    torchOn: false,
    canSwitch: false,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    onCodeRef.current = options.onCode;
    onFrameRef.current = options.onFrame;
  });
  const { formats, region, maxSymbols, maxDecodeWidth } = options;
  const wantsCodes = options.onCode !== undefined;
  const wantsFrames = options.onFrame !== undefined;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const scanner = startCameraScanner({
      video,
      formats,
      region,
      maxSymbols,
      maxDecodeWidth,
      onCode: wantsCodes ? (code) => onCodeRef.current?.(code) : undefined,
      onFrame: wantsFrames ? (frame) => onFrameRef.current?.(frame) : undefined,
      onState: setState,
    });
    scannerRef.current = scanner;
    return () => {
      scanner.stop();
      scannerRef.current = null;
    };
  }, [attempt, formats, region, maxSymbols, maxDecodeWidth, wantsCodes, wantsFrames]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const toggleTorch = useCallback(() => void scannerRef.current?.toggleTorch().catch(() => undefined), []);
  const switchCamera = useCallback(() => void scannerRef.current?.switchCamera().catch(() => undefined), []);
  return { videoRef, state, retry, toggleTorch, switchCamera };
}
