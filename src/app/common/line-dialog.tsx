import { Fragment, type FormEvent, type ReactNode } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { lineName } from './localized';

/**
 * A dialog about one order line (short, substitute, refuse at the counter): open while a line is
 * given, its content made afresh for each line, under the line's name.
 */
export function LineDialog({
  title,
  line,
  onClose,
  children,
}: {
  title: string;
  line: OrderLineView | null;
  onClose: () => void;
  children: (line: OrderLineView) => ReactNode;
}) {
  return (
    <Dialog open={line !== null} title={title} onClose={onClose}>
      {line ? <Fragment key={line.id}>{children(line)}</Fragment> : null}
    </Dialog>
  );
}

/** The line a dialog is about, by its product's name in the associate's language. */
export function LineSubject({ line }: { line: OrderLineView }) {
  const { language } = useI18n();
  return <p className="dialog__subject">{lineName(line, language)}</p>;
}

/** How many of the line's units the dialog is about: 1 to `max`. */
export function QtySelect({
  id,
  label,
  max,
  value,
  onChange,
}: {
  id: string;
  label: string;
  max: number;
  value: number;
  onChange: (qty: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {Array.from({ length: max }, (_, index) => index + 1).map((qty) => (
          <option key={qty} value={qty}>
            {qty}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A line dialog's form: the line's name, the caller's fields, the error of the last try, then
 * Cancel and the submit, which takes units away from the order (a danger button).
 */
export function LineForm({
  line,
  submitLabel,
  submitTestId,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  line: OrderLineView;
  submitLabel: string;
  submitTestId?: string;
  error: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="stack" onSubmit={submit}>
      <LineSubject line={line} />
      {children}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="danger" data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
