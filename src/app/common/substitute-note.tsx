import type { OrderLineView } from '../../contract/orders';
import { useI18n } from '../i18n/use-t';

/** Where the line's substitute stands: picked, waiting for the customer ("pending"), or answered. */
export function SubstituteNote({ line }: { line: OrderLineView }) {
  const { t, language } = useI18n();
  const substitute = line.substitute;
  if (!substitute) return null;
  const name = language === 'it' ? substitute.nameIt : substitute.nameEn;
  const key = {
    picked: 'line.substitutePicked',
    pending: 'line.substitutePending',
    accepted: 'line.substituteAccepted',
    declined: 'line.substituteDeclined',
  } as const;
  return (
    <p
      className={`pick-line__substitute pick-line__substitute--${substitute.status}`}
      data-testid="line-substitute"
      data-status={substitute.status}
    >
      {t(key[substitute.status], { name, qty: substitute.qty })}
    </p>
  );
}
