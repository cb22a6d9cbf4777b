import { useId } from 'react';
import { dispositions } from '../../domain/disposition';
import { returnConditions } from '../../domain/return-reasons';
import { isReturnsKey, useReturnsI18n, type Rt } from './i18n/returns-i18n';
import type { UnitField } from './unit-list';

/** A configured reason in words; a code the app has no words for shows as it is. */
export function reasonLabel(rt: Rt, code: string): string {
  const key = `reason.${code}`;
  return isReturnsKey(key) ? rt(key) : code;
}

export function conditionLabel(rt: Rt, condition: string): string {
  const key = `condition.${condition}`;
  return isReturnsKey(key) ? rt(key) : condition;
}

export function dispositionLabel(rt: Rt, disposition: string): string {
  const key = `disposition.${disposition}`;
  return isReturnsKey(key) ? rt(key) : disposition;
}

export interface UnitValues {
  reason: string;
  condition: string;
  disposition: string;
}

/**
 * The three choices for a unit (or for all units at once): each a labelled native select, which
 * handhelds show as a large list and screen readers announce with its label.
 */
export function UnitFields({
  values,
  reasons,
  onChange,
  labelSuffix,
  mixed = '',
}: {
  values: UnitValues;
  reasons: readonly string[];
  onChange: (field: UnitField, value: string) => void;
  /** Makes each control's name unique on the page: "Reason, Trainers unit 2" (the visible label starts it). */
  labelSuffix: string;
  /** The placeholder when the units differ (the "same for all" fields). */
  mixed?: string;
}) {
  const { rt } = useReturnsI18n();
  const id = useId();
  const field = (
    name: UnitField,
    label: string,
    options: readonly { value: string; label: string }[],
    placeholder: string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        aria-label={`${label}, ${labelSuffix}`}
        value={values[name]}
        onChange={(event) => onChange(name, event.target.value)}
        aria-invalid={name === 'reason' && values.reason === '' && !mixed ? true : undefined}
        data-field={name}
      >
        {values[name] === '' ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="unit-fields">
      {field(
        'reason',
        rt('unit.reason'),
        reasons.map((code) => ({ value: code, label: reasonLabel(rt, code) })),
        mixed || rt('unit.chooseReason'),
      )}
      {field(
        'condition',
        rt('unit.condition'),
        returnConditions.map((c) => ({ value: c, label: conditionLabel(rt, c) })),
        mixed || rt('unit.chooseReason'),
      )}
      {field(
        'disposition',
        rt('unit.disposition'),
        dispositions.map((d) => ({ value: d, label: dispositionLabel(rt, d) })),
        mixed || rt('unit.chooseReason'),
      )}
    </div>
  );
}
