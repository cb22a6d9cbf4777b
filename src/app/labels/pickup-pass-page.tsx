import { useMemo, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { PickupPassResponse } from '../../contract/passes';
import { isApiError } from '../../sync/api-client';
import { pickupPassQrSvg } from '../../print/barcode-svg';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { Icon } from '../ui/icon';
import { PageHeading } from '../ui/page-heading';
import { useOnline } from '../common/use-connectivity';
import { BarcodeImage } from './barcode-image';
import { usePickupPass } from './pickup-pass-query';
import './labels.css';

/**
 * The customer's pickup pass on one printable page: the signed QR the counter scans, and the
 * pickup code for when no scanner is at hand. The server signs it, so it needs the network.
 */
export function PickupPassPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const online = useOnline();
  const pass = usePickupPass(id);
  const back = (
    <ButtonLink to={`/orders/${id}`} className="no-print">
      {t('common.backToOrder')}
    </ButtonLink>
  );

  if (pass.data) return <PassSheet pass={pass.data} back={back} />;
  const offline =
    !online || pass.fetchStatus === 'paused' || (isApiError(pass.error) && pass.error.status === 0);
  if (!offline && !pass.isError) return <Loading />;
  return (
    <div className="stack">
      <PageHeading>{t('pass.loadingTitle')}</PageHeading>
      {offline ? (
        <Notice tone="warning">
          <p data-testid="pass-needs-connection">{t('pass.needsConnection')}</p>
        </Notice>
      ) : (
        <ErrorAlert error={pass.error} />
      )}
      <div className="button-row">
        {back}
        <Button variant="primary" onClick={() => void pass.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    </div>
  );
}

function PassSheet({ pass, back }: { pass: PickupPassResponse; back: ReactNode }) {
  const { t, language } = useI18n();
  const svg = useMemo(() => pickupPassQrSvg(pass.text), [pass.text]);
  const issued = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(pass.issuedAt),
  );
  return (
    <article className="stack pass-sheet">
      <PageHeading>{t('pass.title', { number: pass.orderNumber })}</PageHeading>
      {/* Print first: on a handheld the pass itself fills the screen below. */}
      <div className="button-row pass-sheet__actions no-print">
        {back}
        <Button variant="primary" onClick={() => window.print()}>
          <Icon name="printer" /> {t('pass.print')}
        </Button>
      </div>
      <BarcodeImage
        className="pass-sheet__qr"
        svg={svg}
        label={t('pass.qrLabel', { number: pass.orderNumber })}
        encoded={pass.text}
      />
      <p className="pass-sheet__instructions">{t('pass.instructions')}</p>
      <dl className="pass-sheet__facts">
        <div>
          <dt>{t('pass.order')}</dt>
          <dd>{pass.orderNumber}</dd>
        </div>
        <div>
          <dt>{t('pass.customer')}</dt>
          <dd>{pass.customerName}</dd>
        </div>
        <div>
          <dt>{t('pass.collectAt')}</dt>
          <dd>
            {pass.store.name}
            <br />
            {pass.store.address}, {pass.store.postcode} {pass.store.city}
          </dd>
        </div>
      </dl>
      <p className="muted pass-sheet__issued">{t('pass.issued', { time: issued })}</p>
    </article>
  );
}
