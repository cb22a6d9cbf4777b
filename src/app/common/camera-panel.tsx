import { useCallback } from 'react';
import { defaultScanRegion } from '../../scan/camera/camera-scanner';
import { useCameraScanner } from '../../scan/camera/use-camera-scanner';
import type { DecodedBarcode } from '../../scan/decode/decoded-barcode';
import type { ScannedCode } from '../../scan/scanned-code';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/use-t';
import { CameraControls } from './camera-controls';

const region = defaultScanRegion;

/** The live picture with the scan area drawn on it, the torch and camera switches, and what is wrong. */
export function CameraPanel({ id, onScan }: { id: string; onScan: (scan: ScannedCode) => void }) {
  const t = useT();
  const onCode = useCallback(
    (code: DecodedBarcode) =>
      onScan({ text: code.text, source: 'camera', format: code.format, isGs1: code.isGs1 }),
    [onScan],
  );
  const { videoRef, state, retry, toggleTorch, switchCamera } = useCameraScanner({ onCode, region });
  const status: MessageKey =
    state.status === 'error'
      ? (`errors.${state.error ?? 'camera.failed'}` as MessageKey)
      : state.status === 'paused'
        ? 'camera.paused'
        : state.status === 'scanning'
          ? 'camera.scanning'
          : 'camera.starting';

  return (
    <section
      id={id}
      className="camera-panel"
      aria-label={t('camera.title')}
      data-testid="camera-panel"
      data-status={state.status}
      data-engine={state.engine ?? ''}
    >
      {state.status === 'error' ? null : (
        <div className="camera-panel__view">
          <video ref={videoRef} className="camera-panel__video" muted playsInline aria-hidden="true" />
          <div
            className="camera-panel__region"
            aria-hidden="true"
            style={{
              left: `${region.x * 100}%`,
              top: `${region.y * 100}%`,
              width: `${region.width * 100}%`,
              height: `${region.height * 100}%`,
            }}
          />
        </div>
      )}
      <p
        className={`camera-panel__status camera-panel__status--${state.status}`}
        role="status"
        aria-live="polite"
      >
        {t(status)}
      </p>
      <CameraControls state={state} retry={retry} toggleTorch={toggleTorch} switchCamera={switchCamera} />
    </section>
  );
}
