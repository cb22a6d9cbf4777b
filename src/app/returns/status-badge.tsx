import type { LocalReturnView } from '../../local-db/local-returns';
import { useReturnsI18n } from './i18n/returns-i18n';

export type ShownReturnStatus =
  'saved' | 'sending' | 'synced' | 'refunded' | 'review' | 'declined' | 'refused' | 'discarded';

/** Where a return of this device stands, for lists: the server's word once known. */
export function localStatusOf(view: LocalReturnView): ShownReturnStatus {
  if (view.state === 'synced' || view.state === 'unknown') return view.outcome?.status ?? 'synced';
  return view.state;
}

/** The status in words (with its colour as a second cue, never the only one). */
export function ReturnStatusBadge({ status }: { status: ShownReturnStatus }) {
  const { rt } = useReturnsI18n();
  return (
    <span className={`return-status return-status--${status}`} data-status={status}>
      {rt(`status.${status}`)}
    </span>
  );
}
