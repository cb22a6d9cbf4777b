import {
  lazy,
  Suspense,
  useCallback,
  useId,
  useState,
  useSyncExternalStore,
  type HTMLAttributes,
} from 'react';
import type { ScannedCode } from '../../scan/scanned-code';
import { ScanField } from '../../scan/scan-field';
import { readScannerSettings, subscribeScannerSettings, wedgeOptionsOf } from '../../scan/scanner-settings';
import { useWedgeScanner } from '../../scan/wedge-scanner';
import { useT } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { Icon } from '../ui/icon';

// The camera, its decoder worker and the WASM engine load only when an associate opens the camera.
const CameraPanel = lazy(() => import('./camera-panel').then((m) => ({ default: m.CameraPanel })));

const CAMERA_PREFERENCE = 'aisle.camera';

function cameraWasOpen(): boolean {
  try {
    return localStorage.getItem(CAMERA_PREFERENCE) === 'open';
  } catch {
    return false;
  }
}

function rememberCamera(open: boolean): void {
  try {
    localStorage.setItem(CAMERA_PREFERENCE, open ? 'open' : 'closed');
  } catch {
    // Not remembered; the next step starts with the camera closed.
  }
}

export interface ScanStepProps {
  label: string;
  buttonLabel: string;
  hint?: string;
  onScan: (scan: ScannedCode) => void;
  /** Off while a dialog owns the keyboard, or when the step cannot take a scan now. */
  enabled?: boolean;
  name?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}

/**
 * Every step that asks for a scan: a hardware scanner anywhere on the page, the camera on
 * demand, and typed entry, all into one handler. The camera stays open from step to step if
 * the associate left it open, and is released whenever the step is left.
 */
export function ScanStep({
  label,
  buttonLabel,
  hint,
  onScan,
  enabled = true,
  name,
  inputMode,
}: ScanStepProps) {
  const t = useT();
  const settings = useSyncExternalStore(subscribeScannerSettings, readScannerSettings);
  const [cameraOpen, setCameraOpen] = useState(cameraWasOpen);
  const panelId = useId();
  const showCamera = cameraOpen && enabled;

  const onWedge = useCallback((text: string) => onScan({ text, source: 'wedge' }), [onScan]);
  const onTyped = useCallback((text: string) => onScan({ text, source: 'typed' }), [onScan]);
  useWedgeScanner(onWedge, { enabled, ...wedgeOptionsOf(settings) });

  const toggleCamera = () => {
    rememberCamera(!cameraOpen);
    setCameraOpen(!cameraOpen);
  };

  return (
    <div className="scan-step stack">
      <ScanField
        label={label}
        hint={hint}
        buttonLabel={buttonLabel}
        onScan={onTyped}
        disabled={!enabled}
        name={name}
        inputMode={inputMode}
      />
      <button
        type="button"
        className="btn scan-step__camera-toggle"
        aria-pressed={cameraOpen}
        aria-controls={showCamera ? panelId : undefined}
        onClick={toggleCamera}
        data-testid="camera-toggle"
      >
        <Icon name="camera" />
        {cameraOpen ? t('camera.close') : t('camera.open')}
      </button>
      {showCamera ? (
        <Suspense fallback={<Loading />}>
          <CameraPanel id={panelId} onScan={onScan} />
        </Suspense>
      ) : null}
    </div>
  );
}
