import type { CameraScannerState } from '../../scan/camera/camera-scanner';
import { useT } from '../i18n/use-t';
import { Icon } from '../ui/icon';

/**
 * The buttons under a camera view: try again after an error, the torch where the camera has
 * one, and the other camera where there is one and the screen offers the switch.
 */
export function CameraControls({
  state,
  retry,
  toggleTorch,
  switchCamera,
}: {
  state: CameraScannerState;
  retry: () => void;
  toggleTorch: () => void;
  switchCamera?: () => void;
}) {
  const t = useT();
  return (
    <div className="camera-panel__controls">
      {state.status === 'error' ? (
        <button type="button" className="btn" onClick={retry}>
          {t('common.retry')}
        </button>
      ) : null}
      {state.hasTorch ? (
        <button type="button" className="btn" aria-pressed={state.torchOn} onClick={toggleTorch}>
          <Icon name="torch" />
          {t('camera.torch')}
        </button>
      ) : null}
      {switchCamera && state.canSwitch ? (
        <button type="button" className="btn" onClick={switchCamera}>
          <Icon name="repeat" />
          {t('camera.switch')}
        </button>
      ) : null}
    </div>
  );
}
