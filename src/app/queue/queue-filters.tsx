import { fulfillmentTypes, type FulfillmentType } from '../../domain/order-machine';
import { useT } from '../i18n/use-t';

export type ShowFilter = 'open' | 'all';

interface QueueFiltersProps {
  show: ShowFilter;
  type: FulfillmentType | 'any';
  onShow: (show: ShowFilter) => void;
  onType: (type: FulfillmentType | 'any') => void;
}

export function QueueFilters({ show, type, onShow, onType }: QueueFiltersProps) {
  const t = useT();
  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters')}>
      <div className="segmented" role="group" aria-label={t('queue.show')}>
        {(['open', 'all'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="segmented__button"
            aria-pressed={show === value}
            onClick={() => onShow(value)}
          >
            {t(`queue.${value}`)}
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
