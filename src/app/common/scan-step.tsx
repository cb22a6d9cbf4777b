import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type HTMLAttributes,
  type ReactNode,
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
  /** Another camera view (find, count) has the camera: this one stays closed meanwhile. */
  cameraBlocked?: boolean;
  /**
   * A slim strip for screens where the work itself must show first (the pick list): the scan
   * banner passed here, with typed entry and the camera behind two buttons beside it.
   */
  strip?: { status: ReactNode };
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
  cameraBlocked = false,
  strip,
}: ScanStepProps) {
  const t = useT();
  const settings = useSyncExternalStore(subscribeScannerSettings, readScannerSettings);
  const [cameraOpen, setCameraOpen] = useState(cameraWasOpen);
  const panelId = useId();
  const showCamera = cameraOpen && enabled && !cameraBlocked;
  const [typing, setTyping] = useState(false);
  const typedId = useId();
  const typedRoot = useRef<HTMLDivElement>(null);
  const showField = strip === undefined || typing;

  // Opening typed entry puts the cursor in the field; closing it gives focus back to the button.
  useEffect(() => {
    if (typing) typedRoot.current?.querySelector('input')?.focus();
  }, [typing]);

  const onWedge = useCallback((text: string) => onScan({ text, source: 'wedge' }), [onScan]);
  const onTyped = useCallback((text: string) => onScan({ text, source: 'typed' }), [onScan]);
  useWedgeScanner(onWedge, { enabled, ...wedgeOptionsOf(settings) });

  const toggleCamera = () => {
    rememberCamera(!cameraOpen);
    setCameraOpen(!cameraOpen);
  };

  const cameraButton = (
    <button
      type="button"
      className={`btn scan-step__camera-toggle${strip ? ' scan-strip__button' : ''}`}
      aria-pressed={cameraOpen}
      aria-controls={showCamera ? panelId : undefined}
      onClick={toggleCamera}
      data-testid="camera-toggle"
    >
      <Icon name="camera" />
      <span className={strip ? 'scan-strip__label' : undefined}>
        {cameraOpen ? t('camera.close') : t('camera.open')}
      </span>
    </button>
  );
  const field = showField ? (
    <div id={typedId} ref={typedRoot}>
      <ScanField
        label={label}
        hint={hint}
        buttonLabel={buttonLabel}
        onScan={onTyped}
        disabled={!enabled}
        name={name}
        inputMode={inputMode}
      />
    </div>
  ) : null;
  const camera = showCamera ? (
    <Suspense fallback={<Loading />}>
      <CameraPanel id={panelId} onScan={onScan} />
    </Suspense>
  ) : null;

  if (strip) {
    return (
      <div className="scan-step scan-strip">
        <div className="scan-strip__row">
          <div className="scan-strip__status">{strip.status}</div>
          <button
            type="button"
            className="btn scan-strip__button"
            aria-expanded={typing}
            aria-controls={typing ? typedId : undefined}
            onClick={() => setTyping(!typing)}
            data-testid="typed-entry-toggle"
          >
            <Icon name="keyboard" />
            <span className="scan-strip__label">{t('scan.typeCode')}</span>
          </button>
          {cameraButton}
        </div>
        {field}
        {camera}
      </div>
    );
  }

  return (
    <div className="scan-step stack">
      {field}
      {cameraButton}
      {camera}
    </div>
  );
}
