import { lazy, Suspense, useState } from 'react';
import type { SyncOrder } from '../../contract/sync';
import { confirmPutBack } from '../../local-db/outbox-decisions';
import type { PutBackTask as Task } from '../../local-db/put-back-task';
import { lineName } from '../common/localized';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Loading } from '../ui/alert';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';

const CountPanel = lazy(() => import('../shelf/count-panel').then((m) => ({ default: m.CountPanel })));

/** A kept substitute goes back under its own name; the ordered units under the line's. */
function itemName(
  line: SyncOrder['lines'][number],
  substitute: Task['items'][number]['substitute'],
  language: 'en' | 'it',
) {
  if (!substitute) return lineName(line, language);
  return language === 'it' ? substitute.nameIt : substitute.nameEn;
}

/** The units of an ended order that the associate must return to their shelves, and where. */
export function PutBackTask({ order, task }: { order: SyncOrder; task: Task }) {
  const { t, tp, language } = useI18n();
  const actor = useActor();
  const [error, setError] = useState<unknown>(null);
  const [counting, setCounting] = useState(false);

  const done = () => {
    setError(null);
    confirmPutBack(order.id, actor, task.serverHasPicked).catch(setError);
  };

  return (
    <section className="card stack" data-testid="put-back-task" aria-labelledby="put-back-title">
      <h2 id="put-back-title" className="section-title">
        <Icon name="box" /> {t('putBack.title')}
      </h2>
      <p>{t('putBack.body')}</p>
      <ul className="summary-list">
        {task.items.map(({ line, units, substitute }) => (
          <li key={substitute ? `${line.id}:substitute` : line.id} className="summary-list__item">
            <span className="summary-list__name">{itemName(line, substitute, language)}</span>
            <span className="muted">
              {substitute
                ? t('putBack.substitute')
                : line.aisle
                  ? t('line.aisle', { aisle: line.aisle })
                  : t('line.noLocation')}
              {!substitute && line.bay ? ` · ${t('line.bay', { bay: line.bay })}` : null}
            </span>
            <span className="summary-list__qty">{tp('putBack.units', units)}</span>
          </li>
        ))}
      </ul>
      {error ? <ErrorAlert error={error} /> : null}
      {counting ? (
        <Suspense fallback={<Loading />}>
          <CountPanel
            expected={task.items.map(({ line, units, substitute }) => ({
              gtin14: substitute?.gtin14 ?? line.gtin14,
              qty: units,
              name: itemName(line, substitute, language),
            }))}
            // The count is the put-back: one order.count with what was found, missing, unexpected.
            onConfirm={(counted) => confirmPutBack(order.id, actor, task.serverHasPicked, counted)}
            onClose={() => setCounting(false)}
          />
        </Suspense>
      ) : (
        <>
          <Button variant="primary" size="lg" onClick={done}>
            {t('putBack.done')}
          </Button>
          <Button onClick={() => setCounting(true)} data-testid="count-open">
            <Icon name="camera" />
            {t('shelf.count')}
          </Button>
        </>
      )}
    </section>
  );
}
