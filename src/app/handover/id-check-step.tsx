import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { IdCheckView } from '../../contract/handover-checks';
import type { OrderDetail } from '../../contract/orders';
import { idDocumentTypes, type IdDocumentType } from '../../domain/id-check';
import { enqueueCommand } from '../../local-db/enqueue';
import { useActor } from '../common/use-actor';
import { useT } from '../i18n/use-t';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { useFocusWhenLost } from '../ui/use-focus-when-lost';

/** Why the order needs its ID step, in the associate's words. */
function IdReasons({ check }: { check: IdCheckView }) {
  const t = useT();
  return (
    <ul className="id-check__reasons">
      {check.reasons.map((reason) => (
        <li key={reason}>
          {reason === 'age'
            ? t('handover.idWhy.age', { age: check.minimumAge ?? 18 })
            : reason === 'thirdParty'
              ? t('handover.idWhy.thirdParty', { name: check.collectorName ?? '' })
              : t('handover.idWhy.highValue')}
        </li>
      ))}
    </ul>
  );
}

/** The passed check; it takes the focus the form had, so the associate goes on from here. */
function IdChecked({ check }: { check: IdCheckView }) {
  const t = useT();
  const ref = useFocusWhenLost<HTMLParagraphElement>();
  return (
    <Notice tone="success">
      <p ref={ref} tabIndex={-1} data-testid="id-checked">
        {t('handover.idChecked', {
          document: t(`handover.document.${check.documentType ?? 'identityCard'}`),
          last4: check.last4 ?? '',
        })}
      </p>
    </Notice>
  );
}

/**
 * One required entry of the ID step, never autofilled (the document is the customer's, the
 * device the store's); `id-<name>` is its test id, and its hint, if any, describes it.
 */
function IdField({
  stepId,
  name,
  label,
  hint,
  ...input
}: {
  /** The step's id, which the field's ids start with. */
  stepId: string;
  name: 'last4' | 'birth' | 'name';
  label: string;
  hint?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'maxLength' | 'autoCapitalize'>) {
  const id = `${stepId}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        required
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={`id-${name}`}
        {...input}
      />
    </div>
  );
}

/**
 * The ID step of a flagged order (ADR 0047): the document's type and last 4 characters, the date
 * of birth for an age-restricted item, the name for a named collector. Queued like any command;
 * only the type and the last 4 are kept.
 */
export function IdCheckStep({ order, check }: { order: OrderDetail; check: IdCheckView }) {
  const t = useT();
  const actor = useActor();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [documentType, setDocumentType] = useState<IdDocumentType>('identityCard');

  if (check.checkedAt) return <IdChecked check={check} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    setError(null);
    setBusy(true);
    enqueueCommand({
      name: 'order.checkId',
      args: {
        orderId: order.id,
        documentType,
        last4: text('last4'),
        ...(check.minimumAge !== null ? { dateOfBirth: text('birth') } : {}),
        ...(check.collectorName !== null ? { nameOnDocument: text('name') } : {}),
      },
      actor,
    })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="id-check">
      <h2 id={`${id}-title`} className="section-title">
        {t('handover.idTitle')}
      </h2>
      <IdReasons check={check} />
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('handover.idDocumentType')}</label>
          <select
            id={`${id}-type`}
            value={documentType}
            onChange={(event) => setDocumentType(event.target.value as IdDocumentType)}
          >
            {idDocumentTypes.map((type) => (
              <option key={type} value={type}>
                {t(`handover.document.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <IdField
          stepId={id}
          name="last4"
          label={t('handover.idLast4')}
          hint={t('handover.idLast4Hint')}
          maxLength={4}
          autoCapitalize="characters"
        />
        {check.minimumAge !== null ? (
          <IdField stepId={id} name="birth" label={t('handover.idBirth')} type="date" />
        ) : null}
        {check.collectorName !== null ? (
          <IdField stepId={id} name="name" label={t('handover.idName')} maxLength={120} />
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="submit" variant="primary" size="lg" disabled={busy} data-testid="id-submit">
          {t('handover.idConfirm')}
        </Button>
      </form>
    </section>
  );
}
