import { fulfillmentTypes, type FulfillmentType } from '../../domain/order-machine';
import { useT } from '../i18n/use-t';

export const queueTabs = ['todo', 'waiting', 'all'] as const;
export type QueueTab = (typeof queueTabs)[number];

interface QueueFiltersProps {
  tab: QueueTab;
  counts: Record<QueueTab, number>;
  type: FulfillmentType | 'any';
  onTab: (tab: QueueTab) => void;
  onType: (type: FulfillmentType | 'any') => void;
}

/** Which orders to list: the work to do, what only waits (ready, parcels not in), or all. */
export function QueueFilters({ tab, counts, type, onTab, onType }: QueueFiltersProps) {
  const t = useT();
  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters')}>
      <div className="segmented queue-tabs" role="group" aria-label={t('queue.show')}>
        {queueTabs.map((value) => (
          <button
            key={value}
            type="button"
            className="segmented__button"
            aria-pressed={tab === value}
            onClick={() => onTab(value)}
            data-testid={`queue-tab-${value}`}
          >
            {t(`queue.tab.${value}`)}
            <span className="queue-tabs__count">{counts[value]}</span>
          </button>
        ))}
      </div>
      <div className="field field--inline">
        <label htmlFor="queue-type">{t('queue.type')}</label>
        <select
          id="queue-type"
          value={type}
          onChange={(event) => onType(event.target.value as FulfillmentType | 'any')}
        >
          <option value="any">{t('queue.allTypes')}</option>
          {fulfillmentTypes.map((value) => (
            <option key={value} value={value}>
              {t(`type.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
