import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import type { FullShelf } from './use-staging-scan';

/** Asks, in words, before a second order goes on a full shelf. */
export function FullShelfDialog({
  shelf,
  number,
  onShare,
  onChooseAnother,
}: {
  shelf: FullShelf | null;
  /** The order (or parcel's order) about to go on it. */
  number: string;
  onShare: () => void;
  onChooseAnother: () => void;
}) {
  const { t, tp } = useI18n();
  return (
    <Dialog
      open={shelf !== null}
      title={shelf ? t('stage.fullTitle', { code: shelf.code }) : ''}
      onClose={onChooseAnother}
    >
      {shelf ? (
        <div className="stack" data-testid="full-shelf-dialog">
          <p>
            {tp('stage.fullHolds', shelf.occupied, {
              code: shelf.code,
              capacity: tp('stage.capacity', shelf.capacity),
            })}
          </p>
          <p>{t('stage.fullAsk', { number })}</p>
          <div className="button-row">
            <Button variant="primary" onClick={onChooseAnother} autoFocus>
              {t('stage.chooseAnother')}
            </Button>
            <Button onClick={onShare} data-testid="share-shelf">
              {t('stage.shareShelf', { code: shelf.code })}
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
