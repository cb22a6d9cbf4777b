import type { ReactNode } from 'react';
import { Icon } from '../ui/icon';
import { useReturnsI18n } from './i18n/returns-i18n';

/** An error in words (role="alert": read out as soon as it appears), with the return counter's codes. */
export function ReturnsErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { errorText } = useReturnsI18n();
  return (
    <div className="alert alert--error" role="alert">
      <Icon name="alert" />
      <div>
        <p>{errorText(error)}</p>
        {children}
      </div>
    </div>
  );
}
