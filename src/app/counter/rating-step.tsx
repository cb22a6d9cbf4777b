import { useMutation } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';
import type { KioskOrderView } from '../../contract/kiosk';
import { ratePickup } from '../../sync/kiosk-api';
import { Button } from '../ui/button';
import { counterErrorText, useCounterI18n } from './i18n/counter-i18n';

const stars = [1, 2, 3, 4, 5] as const;
/** A customer who walked away: the kiosk gets ready for the next one (and its language). */
export const RATING_IDLE_MS = 90_000;
/** The thanks stays up this long, unless the customer taps Done. */
const THANKS_MS = 10_000;

/** After the handover: 1 to 5, and a comment if the customer wants; once per order. */
export function RatingStep({ order, onDone }: { order: KioskOrderView; onDone: (rated: boolean) => void }) {
  const { ct, language } = useCounterI18n();
  const id = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const plural = new Intl.PluralRules(language);
  const send = useMutation({
    mutationFn: () =>
      ratePickup({ orderId: order.orderId, rating: rating ?? 5, ...(comment.trim() ? { comment } : {}) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating !== null) send.mutate();
  };
  // Any touch or key restarts the wait; the polls that re-render the counter do not.
  const [activity, setActivity] = useState(0);
  const touched = () => setActivity((count) => count + 1);
  const finish = useEffectEvent(() => onDone(send.isSuccess));
  useEffect(() => {
    const timer = setTimeout(finish, send.isSuccess ? THANKS_MS : RATING_IDLE_MS);
    return () => clearTimeout(timer);
  }, [activity, send.isSuccess]);

  if (send.isSuccess) {
    return (
      <section className="kiosk-card counter-outcome stack" data-testid="rating-thanks">
        <h2 className="counter-outcome__title">{ct('rating.thanks')}</h2>
        <Button variant="primary" size="lg" onClick={() => onDone(true)}>
          {ct('counter.done')}
        </Button>
      </section>
    );
  }
  return (
    <section
      className="kiosk-card stack"
      aria-labelledby={`${id}-title`}
      data-testid="rating-step"
      onPointerDown={touched}
      onKeyDown={touched}
    >
      <h2 id={`${id}-title`}>{ct('rating.title')}</h2>
      <p>{ct('rating.forOrder', { number: order.maskedNumber, name: order.customer })}</p>
      <form className="stack" onSubmit={submit}>
        <fieldset className="rating-stars">
          <legend>{ct('rating.legend')}</legend>
          {stars.map((value) => (
            <label key={value} className="rating-star">
              <input
                type="radio"
                name="rating"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              <span aria-hidden="true">{'★'.repeat(value)}</span>
              <span className="visually-hidden">
                {ct(plural.select(value) === 'one' ? 'rating.star.one' : 'rating.star.other', {
                  count: value,
                })}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{ct('rating.comment')}</label>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={2}
            maxLength={500}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        {send.isError ? <p role="alert">{counterErrorText(ct, send.error)}</p> : null}
        <div className="counter-actions">
          <Button type="submit" variant="primary" size="lg" disabled={rating === null} busy={send.isPending}>
            {ct('rating.send')}
          </Button>
          <Button variant="secondary" onClick={() => onDone(false)}>
            {ct('rating.skip')}
          </Button>
        </div>
      </form>
    </section>
  );
}
