import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { OtherStoreStock } from '../../contract/stock';
import type { ProductRow } from '../../contract/sync';
import {
  checkReservation,
  MAX_CUSTOMER_NAME,
  MAX_RESERVATION_QTY,
  reservationProblems,
  type CustomerLanguage,
  type ReservationField,
  type ReservationProblem,
} from '../../domain/reservation';
import { useActor } from '../common/use-actor';
import { errorMessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { useAgeOf } from './cached-notice';
import { reserveAtStore } from './commands';
import { ProductFacts, productName } from './product-heading';
import { reservationPath } from './paths';

interface Values {
  name: string;
  phone: string;
  email: string;
  language: CustomerLanguage;
  qty: number;
}

const customerLanguages: readonly CustomerLanguage[] = ['it', 'en'];

/**
 * The walk-in customer's details, checked with the same domain rules the server applies
 * (a name, a phone or an e-mail that can be right, no more than the availability shown).
 */
export function ReserveForm({ product, other }: { product: ProductRow; other: OtherStoreStock }) {
  const { t, language } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const ageOf = useAgeOf();
  const id = useId();
  const [values, setValues] = useState<Values>({ name: '', phone: '', email: '', language, qty: 1 });
  const [problems, setProblems] = useState<ReservationProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const refs: Record<
    Exclude<ReservationField, 'contact'>,
    RefObject<HTMLInputElement | HTMLSelectElement | null>
  > = {
    name: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    qty: useRef<HTMLSelectElement>(null),
  };
  const maxQty = Math.min(other.available, MAX_RESERVATION_QTY);

  const input = () => ({
    customer: {
      name: values.name,
      phone: values.phone,
      email: values.email,
      language: values.language,
    },
    qty: values.qty,
  });
  const problemOf = (field: ReservationField) => problems.find((p) => p.field === field);
  const errorId = (field: ReservationField) => `${id}-${field}-error`;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = reservationProblems(input(), other.available);
    setProblems(found);
    const first = found[0];
    if (first) {
      refs[first.field === 'contact' ? 'phone' : first.field].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const { customer, qty } = checkReservation(input(), other.available);
      const reservationId = await reserveAtStore({ product, other, customer, qty, actor });
      // Replace: "back" from the confirmation must not offer the same form again.
      void navigate(reservationPath(reservationId), { replace: true });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const described = (field: ReservationField, ...more: string[]) =>
    [problemOf(field) ? errorId(field) : null, ...more].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: ReservationField) => {
    const problem = problemOf(field);
    return problem ? (
      <p id={errorId(field)} className="field__error">
        {t(errorMessageKey(problem))}
      </p>
    ) : null;
  };
  const contactProblem = problemOf('contact');

  return (
    <>
      <section className="card stack" data-testid="reserve-summary">
        <div>
          <p className="stock-product__name">{productName(product, language)}</p>
          <ProductFacts product={product} />
        </div>
        <div>
          <p className="store-row__name">{t('reserve.at', { store: other.store.name })}</p>
          <p className="muted">{other.store.address}</p>
          <p>{t('reserve.availableThere', { count: other.available, time: ageOf(other.updatedAt) })}</p>
        </div>
      </section>
      <form className="card stack reserve-form" onSubmit={(event) => void submit(event)} noValidate>
        {problems.length > 0 || failure ? (
          <div className="alert alert--error" role="alert">
            <p>{failure ? t(errorMessageKey(failure)) : t('reserve.check')}</p>
          </div>
        ) : null}
        <h2 className="section-title">{t('reserve.customer')}</h2>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('reserve.name')}</label>
          <input
            ref={refs.name as RefObject<HTMLInputElement>}
            id={`${id}-name`}
            name="customer-name"
            type="text"
            autoComplete="off"
            maxLength={MAX_CUSTOMER_NAME}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            aria-invalid={problemOf('name') ? true : undefined}
            aria-describedby={described('name')}
          />
          {fieldError('name')}
        </div>
        <fieldset className="field-group" aria-describedby={`${id}-contact-hint`}>
          <legend>{t('reserve.contact')}</legend>
          <p id={`${id}-contact-hint`} className="field__hint">
            {t('reserve.contactHint')}
          </p>
          <div className="field">
            <label htmlFor={`${id}-phone`}>{t('reserve.phone')}</label>
            <input
              ref={refs.phone as RefObject<HTMLInputElement>}
              id={`${id}-phone`}
              name="customer-phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              maxLength={32}
              value={values.phone}
              onChange={(e) => set('phone', e.target.value)}
              aria-invalid={problemOf('phone') || contactProblem ? true : undefined}
              aria-describedby={described('phone', contactProblem ? errorId('contact') : '')}
            />
            {fieldError('phone')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('reserve.email')}</label>
            <input
              ref={refs.email as RefObject<HTMLInputElement>}
              id={`${id}-email`}
              name="customer-email"
              type="email"
              inputMode="email"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={254}
              value={values.email}
              onChange={(e) => set('email', e.target.value)}
              aria-invalid={problemOf('email') || contactProblem ? true : undefined}
              aria-describedby={described('email', contactProblem ? errorId('contact') : '')}
            />
            {fieldError('email')}
          </div>
          {fieldError('contact')}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('reserve.language')}</label>
          <select
            id={`${id}-language`}
            name="customer-language"
            value={values.language}
            onChange={(e) => set('language', e.target.value as CustomerLanguage)}
          >
            {customerLanguages.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-qty`}>{t('reserve.qty')}</label>
          <select
            ref={refs.qty as RefObject<HTMLSelectElement>}
            id={`${id}-qty`}
            name="qty"
            value={values.qty}
            onChange={(e) => set('qty', Number(e.target.value))}
            aria-invalid={problemOf('qty') ? true : undefined}
            aria-describedby={described('qty')}
          >
            {Array.from({ length: maxQty }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {fieldError('qty')}
        </div>
        <Button type="submit" variant="primary" size="lg" busy={busy}>
          {t('reserve.submit')}
        </Button>
      </form>
    </>
  );
}
