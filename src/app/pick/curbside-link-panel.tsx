import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import type { OrderDetail } from '../../contract/orders';
import { isApiError } from '../../sync/api-client';
import { useOnline } from '../common/use-connectivity';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Loading, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { curbsideLinkQueryOptions } from './curbside-link-query';
import './curbside-link.css';

// The QR renderer (bwip-js) loads only when an associate asks to show the link.
const QrCode = lazy(() => import('../common/qr-code').then((m) => ({ default: m.QrCode })));

type Copy = 'idle' | 'copied' | 'failed';

/**
 * A ready order's curbside link on the order screen: shown as a QR for the customer's phone, or
 * copied to send again. It is the link the ready e-mail and text carried.
 */
export function CurbsideLinkPanel({ order }: { order: OrderDetail }) {
  const { t, locale } = useI18n();
  const id = useId();
  const online = useOnline();
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<Copy>('idle');
  const link = useQuery({ ...curbsideLinkQueryOptions(order.id), enabled: open });
  const offline = !online || (isApiError(link.error) && link.error.status === 0);
  const copyLink = (url: string) => {
    navigator.clipboard.writeText(url).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  const until = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="card stack curbside-link" aria-labelledby={`${id}-title`} data-testid="curbside-link">
      <h2 id={`${id}-title`} className="section-title">
        {t('order.curbsideTitle')}
      </h2>
      <p>{t('order.curbsideHint')}</p>
      <Button
        aria-expanded={open}
        aria-controls={open ? `${id}-body` : undefined}
        onClick={() => {
          setOpen(!open);
          setCopy('idle');
        }}
      >
        {open ? t('order.curbsideHide') : t('order.curbsideShow')}
      </Button>
      {open ? (
        <div id={`${id}-body`} className="stack">
          {link.data ? (
            <>
              <Suspense fallback={<Loading />}>
                <QrCode
                  className="curbside-link__qr"
                  text={link.data.url}
                  label={t('order.curbsideQr', { number: order.number })}
                />
              </Suspense>
              <div className="field">
                <label htmlFor={`${id}-url`}>{t('order.curbsideLink')}</label>
                <input
                  id={`${id}-url`}
                  className="curbside-link__url"
                  readOnly
                  value={link.data.url}
                  onFocus={(event) => event.currentTarget.select()}
                  data-testid="curbside-link-url"
                />
              </div>
              <p>{t('order.curbsideUntil', { date: until(link.data.expiresAt) })}</p>
              <Button variant="primary" onClick={() => copyLink(link.data.url)}>
                {t('order.curbsideCopy')}
              </Button>
            </>
          ) : link.isError && offline ? (
            <Notice tone="warning">
              <p>{t('order.curbsideOffline')}</p>
            </Notice>
          ) : link.isError ? (
            <ErrorAlert error={link.error} />
          ) : (
            <Loading />
          )}
          <p role="status" data-testid="curbside-link-copy">
            {copy === 'copied'
              ? t('order.curbsideCopied')
              : copy === 'failed'
                ? t('order.curbsideCopyFailed')
                : ''}
          </p>
        </div>
      ) : null}
    </section>
  );
}
