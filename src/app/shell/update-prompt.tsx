import { useId, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { outboxIdle, subscribeOutboxIdle } from '../../local-db/outbox-status';
import { applyUpdate, isUpdateWaiting, subscribeUpdateWaiting } from '../../pwa/register-sw';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';

const bannerStyle: CSSProperties = { marginBottom: 'var(--gap)' };
// Looks like .btn:disabled, but stays focusable so the reason can be read out.
const waitingButtonStyle: CSSProperties = { opacity: 0.6, cursor: 'not-allowed' };

/**
 * Non-modal banner shown when a new version of the app waits. Updating reloads the page, so
 * it is only allowed with an idle outbox: unsynced actions are never caught mid-sync.
 */
export function UpdatePrompt() {
  const t = useT();
  const waiting = useSyncExternalStore(subscribeUpdateWaiting, isUpdateWaiting, () => false);
  const idle = useSyncExternalStore(subscribeOutboxIdle, outboxIdle, () => true);
  const [applying, setApplying] = useState(false);
  const reasonId = useId();

  const onUpdate = () => {
    if (!idle || applying) return;
    setApplying(applyUpdate());
  };

  // The live region is always there, so the banner is announced when it appears in it.
  return (
    <div role="status">
      {waiting ? (
        <div className="alert alert--info" style={bannerStyle}>
          <Icon name="repeat" />
          <div>
            <p>{t('pwa.update.ready')}</p>
            {idle ? null : <p id={reasonId}>{t('pwa.update.waitingForSync')}</p>}
            <Button
              variant="primary"
              onClick={onUpdate}
              busy={applying}
              aria-disabled={idle ? undefined : true}
              aria-describedby={idle ? undefined : reasonId}
              style={idle ? undefined : waitingButtonStyle}
            >
              {applying ? t('pwa.update.updating') : t('pwa.update.now')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
