import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { DEFAULT_SHIPPING_RULE } from '../../domain/refund';
import { returnItemId } from '../../domain/return-items';
import { defaultReturnPolicy } from '../../domain/return-policy';
import { readLocalReturnsOfOrder, type LocalReturnView } from '../../local-db/local-returns';
import { isApiError } from '../../sync/api-client';
import { useActor } from '../common/use-actor';
import { Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { findPath } from './paths';
import { returnOrderQuery, useReturnSettings } from './queries';
import { ReturnForm } from './return-form';
import type { CounterSettings, DeviceReturn } from './returnable';

/**
 * A return of this device still holds its units, unless the server refused it or it was dropped.
 * Its units are counted by item: a line's ordered units, or its kept substitute's.
 */
export function deviceReturnOf(view: LocalReturnView): DeviceReturn {
  return {
    returnId: view.row.returnId,
    units: view.row.args.units.map(({ productId, ...unit }) => ({
      ...unit,
      lineId: returnItemId(unit.lineId, productId),
    })),
    counts: view.state !== 'refused' && view.state !== 'discarded',
  };
}

/** Without the store's settings (never loaded on this device), the chain's standard policy in the device's zone. */
function standardSettings(): CounterSettings {
  return {
    policy: defaultReturnPolicy,
    shippingRule: DEFAULT_SHIPPING_RULE,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/** Choose what comes back: the order from the server or this device, the policy, and this device's returns of it. */
export function NewReturnPage() {
  const { rt, t } = useReturnsI18n();
  const { orderId = '' } = useParams();
  const actor = useActor();
  const order = useQuery(returnOrderQuery(actor.storeId, orderId));
  const settings = useReturnSettings();
  const views = useLiveQuery(() => readLocalReturnsOfOrder(orderId), [orderId]);
  const device = useMemo(() => (views ?? []).map(deviceReturnOf), [views]);

  if (order.isPending || settings.isPending || views === undefined) return <Loading />;
  if (order.isError) {
    const offline = isApiError(order.error) && order.error.status === 0;
    return (
      <div className="stack">
        <PageHeading>{rt('new.title')}</PageHeading>
        {offline ? (
          <Notice tone="warning">
            <p data-testid="return-order-offline">{rt('new.offlineUnknown')}</p>
          </Notice>
        ) : (
          <ReturnsErrorAlert error={order.error}>
            <Button onClick={() => void order.refetch()}>{t('common.retry')}</Button>
          </ReturnsErrorAlert>
        )}
        <ButtonLink to={findPath}>{rt('new.backToFind')}</ButtonLink>
      </div>
    );
  }
  return (
    <ReturnForm
      key={orderId}
      answer={order.data}
      settings={settings.data?.value ?? standardSettings()}
      standardPolicy={!settings.data}
      device={device}
    />
  );
}
