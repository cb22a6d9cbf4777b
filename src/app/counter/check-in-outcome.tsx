import { useEffect, useRef } from 'react';
import type { CheckInResult } from '../../contract/kiosk';
import { Button } from '../ui/button';
import { useCounterI18n, type CounterKey } from './i18n/counter-i18n';

/** How long an answer stays up before the kiosk is ready for the next customer. */
export const OUTCOME_TIMEOUT_MS = 20_000;

function statusKey(status: string): CounterKey {
  return (['new', 'picking', 'picked', 'ready', 'collected'] as const).includes(status as 'new')
    ? (`status.${status}` as CounterKey)
    : 'status.other';
}

/** The answer to a check-in, in large type; back to the start on "Done" or after a while. */
export function CheckInOutcome({ result, onDone }: { result: CheckInResult; onDone: () => void }) {
  const { ct } = useCounterI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    const timer = setTimeout(onDone, OUTCOME_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [onDone]);
  const { order } = result;
  const number = order.maskedNumber;
  const [title, text] =
    result.outcome === 'arrived'
      ? [ct('counter.arrived'), ct('counter.arrivedHint', { number })]
      : result.outcome === 'notReady'
        ? [
            ct('counter.notReadyTitle'),
            ct('counter.notReady', { number, status: ct(statusKey(order.status)) }),
          ]
        : result.outcome === 'collected'
          ? [ct('counter.collectedTitle'), ct('counter.collected', { number })]
          : [ct('counter.unavailableTitle'), ct('counter.unavailable', { number })];
  return (
    <section
      className={`kiosk-card counter-outcome counter-outcome--${result.outcome} stack`}
      data-testid="check-in-outcome"
      data-outcome={result.outcome}
      aria-live="polite"
    >
      {result.outcome === 'arrived' ? (
        <p className="counter-outcome__greeting">{ct('counter.arrivedTitle', { name: order.customer })}</p>
      ) : null}
      <h2 ref={heading} tabIndex={-1} className="counter-outcome__title">
        {title}
      </h2>
      <p className="counter-outcome__text">{text}</p>
      <p className="counter-outcome__hint">{ct('counter.backSoon')}</p>
      <Button variant="primary" size="lg" onClick={onDone}>
        {ct('counter.done')}
      </Button>
    </section>
  );
}
