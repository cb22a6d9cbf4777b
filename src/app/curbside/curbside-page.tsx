import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { CurbsideView } from '../../contract/curbside';
import { readCurbside, sayArrived } from '../../sync/curbside-api';
import { PublicPage, useLinkView, usePublicLanguage } from '../common/public-page';
import { curbsideWords, errorKey, type CurbsideKey } from './curbside-words';
import './curbside.css';

const POLL_MS = 4_000;

/**
 * The customer's page from the ready-for-pickup e-mail: no sign-in, in the customer's language
 * (with a toggle). "I'm here" with the parking spot and car; then it follows the associate
 * ("on the way") until the order is handed over.
 */
export function CurbsidePage() {
  const { token = '' } = useParams();
  const { view, problem, show, fail, reload } = useLinkView(token, readCurbside, errorKey);
  const [editing, setEditing] = useState(false);
  const [language, setLanguage] = usePublicLanguage(view?.language);
  const w = useMemo(() => curbsideWords(language), [language]);

  const following = view?.state === 'arrived' || view?.state === 'onTheWay';
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [following, reload]);

  return (
    <PublicPage language={language} onLanguage={setLanguage} languageLabel={w('language')} title={w('title')}>
      {view ? (
        <p className="curbside__order">{w('order', { number: view.orderNumber, store: view.storeName })}</p>
      ) : null}
      {view?.substitutions?.length ? (
        <section aria-labelledby="curbside-substitutions">
          <h2 id="curbside-substitutions">{w('substitutions')}</h2>
          <ul data-testid="curbside-substitutions">
            {view.substitutions.map((s, i) => {
              const names = {
                ordered: language === 'it' ? s.orderedIt : s.orderedEn,
                substitute: language === 'it' ? s.substituteIt : s.substituteEn,
                qty: String(s.qty),
              };
              const key =
                s.status === 'declined' ? 'removed' : s.status === 'pending' ? 'waitingAnswer' : 'instead';
              return <li key={i}>{w(key, names)}</li>;
            })}
          </ul>
        </section>
      ) : null}
      {problem ? (
        <p role="alert" className="public-page__problem" data-testid="curbside-problem">
          {w(problem)}
        </p>
      ) : null}
      {!view && !problem ? <p role="status">{w('loading')}</p> : null}
      {view?.items ? <CounterItems items={view.items} language={language} w={w} /> : null}
      {view ? (
        <CurbsideState
          view={view}
          token={token}
          w={w}
          editing={editing || view.state === 'waiting'}
          onEdit={() => setEditing(true)}
          onSaved={(next) => {
            show(next);
            setEditing(false);
          }}
          onError={fail}
        />
      ) : null}
    </PublicPage>
  );
}

/** What the counter handed over and refused, and what still waits (a partial handover). */
function CounterItems({
  items,
  language,
  w,
}: {
  items: NonNullable<CurbsideView['items']>;
  language: 'it' | 'en';
  w: ReturnType<typeof curbsideWords>;
}) {
  const rows = items.flatMap((item) => {
    const name = language === 'it' ? item.nameIt : item.nameEn;
    return (['collected', 'refused', 'waiting'] as const)
      .filter((kind) => item[kind] > 0)
      .map((kind) => ({ kind, text: w(kind, { qty: String(item[kind]), name }) }));
  });
  return (
    <section className="curbside__items" aria-labelledby="curbside-items-title" data-testid="curbside-items">
      <h2 id="curbside-items-title">{w('itemsTitle')}</h2>
      <ul>
        {rows.map((row, i) => (
          <li key={i} data-kind={row.kind}>
            {row.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface StateProps {
  view: CurbsideView;
  token: string;
  w: ReturnType<typeof curbsideWords>;
  editing: boolean;
  onEdit: () => void;
  onSaved: (view: CurbsideView) => void;
  onError: (error: unknown) => void;
}

function CurbsideState({ view, token, w, editing, onEdit, onSaved, onError }: StateProps) {
  if (view.state === 'handedOver') {
    return (
      <p
        role="status"
        className="public-page__done curbside__status"
        data-testid="curbside-status"
        data-state={view.state}
      >
        {w('handedOver')}
      </p>
    );
  }
  if (view.state === 'closed') {
    return (
      <p role="status" data-testid="curbside-status" data-state={view.state}>
        {w('closed')}
      </p>
    );
  }
  const spot = view.parkingSpot ?? '';
  return (
    <>
      {view.state !== 'waiting' ? (
        <div
          role="status"
          className="public-page__done curbside__status"
          data-testid="curbside-status"
          data-state={view.state}
        >
          <p>{w(view.state === 'onTheWay' ? 'onTheWay' : 'arrived', { spot })}</p>
          {view.vehicle ? <p>{w('waitingCar', { car: view.vehicle })}</p> : null}
        </div>
      ) : (
        <p>{w('intro')}</p>
      )}
      {editing ? (
        <ArrivalForm token={token} w={w} initialSpot={spot} onSaved={onSaved} onError={onError} />
      ) : (
        <button type="button" className="public-page__button" onClick={onEdit}>
          {w('change')}
        </button>
      )}
    </>
  );
}

function ArrivalForm({
  token,
  w,
  initialSpot,
  onSaved,
  onError,
}: Pick<StateProps, 'token' | 'w' | 'onSaved' | 'onError'> & { initialSpot: string }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    setBusy(true);
    try {
      const plate = text('plate');
      onSaved(
        await sayArrived(token, {
          parkingSpot: text('spot'),
          make: text('make'),
          colour: text('colour'),
          ...(plate ? { plate } : {}),
        }),
      );
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const field = (
    name: string,
    label: CurbsideKey,
    hint: CurbsideKey | null,
    max: number,
    required = true,
  ) => (
    <div className="curbside__field">
      <label htmlFor={`${id}-${name}`}>{w(label)}</label>
      {hint ? (
        <span id={`${id}-${name}-hint`} className="curbside__hint">
          {w(hint)}
        </span>
      ) : null}
      <input
        id={`${id}-${name}`}
        name={name}
        required={required}
        maxLength={max}
        autoComplete="off"
        defaultValue={name === 'spot' ? initialSpot : undefined}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        data-testid={`curbside-${name}`}
      />
    </div>
  );
  return (
    <form className="curbside__form" onSubmit={(event) => void submit(event)}>
      {field('spot', 'spot', 'spotHint', 16)}
      {field('make', 'make', 'makeHint', 40)}
      {field('colour', 'colour', 'colourHint', 30)}
      {field('plate', 'plate', null, 12, false)}
      <button type="submit" className="public-page__primary" disabled={busy} data-testid="curbside-here">
        {busy ? w('sending') : w('here')}
      </button>
    </form>
  );
}
