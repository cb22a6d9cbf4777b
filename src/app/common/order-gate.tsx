import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { OrderView } from '../../local-db/replica-read';
import { useT } from '../i18n/use-t';
import { Loading, Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { useFirstScreenReady } from './after-first-screen';
import { useActor } from './use-actor';
import { DownloadingReplica } from './downloading-replica';
import { useOrderView } from './use-order-view';

/** Reads the order named in the URL from the replica, and renders the page once it is there. */
export function OrderGate({ children }: { children: (view: OrderView) => ReactNode }) {
  const { id = '' } = useParams();
  const t = useT();
  const actor = useActor();
  const state = useOrderView(id, actor.storeId);
  useFirstScreenReady(state.kind !== 'loading');
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'downloading') return <DownloadingReplica />;
  if (state.kind === 'missing') {
    return (
      <div className="stack">
        <Notice tone="warning">
          <p>{t('errors.order.notFound')}</p>
        </Notice>
        <ButtonLink to="/" size="lg">
          {t('common.backToQueue')}
        </ButtonLink>
      </div>
    );
  }
  return <>{children(state.view)}</>;
}
