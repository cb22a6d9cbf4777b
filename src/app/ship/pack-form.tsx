import { useId, useState, type FormEvent } from 'react';
import type { SyncOrder } from '../../contract/sync';
import { isDomainError } from '../../domain/domain-error';
import { packageTypes, standardDimensions, type PackageType } from '../../domain/packing';
import { enqueueCommand } from '../../local-db/enqueue';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';

interface Row {
  key: number;
  type: PackageType;
  weight: string;
  length: string;
  width: string;
  height: string;
}

let nextKey = 0;
const blankRow = (type: PackageType = 'box-m'): Row => ({
  key: nextKey++,
  type,
  weight: '',
  length: '',
  width: '',
  height: '',
});

function rowsOf(order: SyncOrder): Row[] {
  if (!order.packages?.length) return [blankRow()];
  return order.packages.map((pkg) => ({
    key: nextKey++,
    type: pkg.type,
    weight: String(pkg.weightGrams),
    length: pkg.type === 'custom' ? String(pkg.lengthMm) : '',
    width: pkg.type === 'custom' ? String(pkg.widthMm) : '',
    height: pkg.type === 'custom' ? String(pkg.heightMm) : '',
  }));
}

/** A typed number, or NaN for the domain rules to refuse with their own words. */
const grams = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const optional = (text: string) => (text.trim() === '' ? undefined : grams(text));

/**
 * The packages of one order: type, weight and, for a custom box, its sizes. Saving queues an
 * order.pack command, offline too; the device checks it with the same rules as the server.
 */
export function PackForm({ order, onDone }: { order: SyncOrder; onDone?: () => void }) {
  const { t } = useI18n();
  const actor = useActor();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(order));
  const [error, setError] = useState<unknown>(null);

  const change = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const packages = rows.map((row) => ({
      type: row.type,
      weightGrams: grams(row.weight),
      ...(row.type === 'custom' || row.length || row.width || row.height
        ? { lengthMm: optional(row.length), widthMm: optional(row.width), heightMm: optional(row.height) }
        : {}),
    }));
    enqueueCommand({ name: 'order.pack', args: { orderId: order.id, packages }, actor }).then(
      () => onDone?.(),
      setError,
    );
  };

  const packageNumber =
    isDomainError(error) && typeof error.details?.packageNumber === 'number'
      ? error.details.packageNumber
      : null;

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="pack-form-title" noValidate>
      <h2 id="pack-form-title" className="section-title">
        {t('pack.packages')}
      </h2>
      <p className="muted">{t('pack.hint')}</p>
      {rows.map((row, index) => (
        <PackageFields
          key={row.key}
          row={row}
          number={index + 1}
          onChange={(patch) => change(row.key, patch)}
          onRemove={rows.length > 1 ? () => setRows(rows.filter((r) => r.key !== row.key)) : undefined}
        />
      ))}
      <Button onClick={() => setRows([...rows, blankRow(rows.at(-1)?.type)])}>{t('pack.addPackage')}</Button>
      {error ? (
        <ErrorAlert error={error}>
          {packageNumber ? <p>{t('pack.whichPackage', { number: packageNumber })}</p> : null}
        </ErrorAlert>
      ) : null}
      <Button type="submit" variant="primary" size="lg">
        {t('pack.save')}
      </Button>
    </form>
  );
}

function PackageFields({
  row,
  number,
  onChange,
  onRemove,
}: {
  row: Row;
  number: number;
  onChange: (patch: Partial<Row>) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const standard = row.type === 'custom' ? null : standardDimensions[row.type];
  return (
    <fieldset className="package-form">
      <legend>{t('pack.packageN', { number })}</legend>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('pack.type')}</label>
        <select
          id={`${id}-type`}
          value={row.type}
          onChange={(event) => onChange({ type: event.target.value as PackageType })}
        >
          {packageTypes.map((type) => (
            <option key={type} value={type}>
              {t(`packageType.${type}`)}
            </option>
          ))}
        </select>
        {standard ? (
          <p className="field__hint">
            {t('pack.standardSize', {
              l: standard.lengthMm / 10,
              w: standard.widthMm / 10,
              h: standard.heightMm / 10,
            })}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-weight`}>{t('pack.weight')}</label>
        <input
          id={`${id}-weight`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={row.weight}
          onChange={(event) => onChange({ weight: event.target.value })}
        />
      </div>
      {row.type === 'custom' ? (
        <div className="package-form__sizes">
          {(['length', 'width', 'height'] as const).map((side) => (
            <div className="field" key={side}>
              <label htmlFor={`${id}-${side}`}>{t(`pack.${side}`)}</label>
              <input
                id={`${id}-${side}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={row[side]}
                onChange={(event) => onChange({ [side]: event.target.value })}
              />
            </div>
          ))}
        </div>
      ) : null}
      {onRemove ? (
        <Button variant="ghost" onClick={onRemove}>
          {t('pack.remove', { number })}
        </Button>
      ) : null}
    </fieldset>
  );
}
