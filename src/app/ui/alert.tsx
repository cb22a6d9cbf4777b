import type { ReactNode } from 'react';
import { errorMessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { Icon } from './icon';

/** An error in words. role="alert" so it is read out as soon as it appears. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="alert alert--error" role="alert">
      <Icon name="alert" />
      <div>
        <p>{t(errorMessageKey(error))}</p>
        {children}
      </div>
    </div>
  );
}

export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'success' | 'warning';
  children: ReactNode;
}) {
  const icon = tone === 'success' ? 'check' : tone === 'warning' ? 'warning' : 'alert';
  return (
    <div className={`alert alert--${tone}`}>
      <Icon name={icon} />
      <div>{children}</div>
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}
