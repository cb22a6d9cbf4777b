import { useId, useState, type FormEvent, type HTMLAttributes } from 'react';

export interface ScanFieldProps {
  label: string;
  buttonLabel: string;
  onScan: (code: string) => void;
  hint?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  disabled?: boolean;
  /** Stable name for tests and autofill opt-out; defaults to "scan-code". */
  name?: string;
}

/**
 * Typed entry for a scan step: the same onScan as the wedge scanner, for when a label will not
 * scan. A scanner typing into this field while it has focus also lands here through Enter.
 */
export function ScanField({
  label,
  buttonLabel,
  onScan,
  hint,
  inputMode = 'text',
  disabled,
  name = 'scan-code',
}: ScanFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [value, setValue] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = value.trim();
    if (!code) return;
    onScan(code);
    setValue('');
  };

  return (
    <form className="scan-field" onSubmit={submit} noValidate>
      <label htmlFor={id} className="scan-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="scan-field__hint">
          {hint}
        </p>
      ) : null}
      <div className="scan-field__row">
        <input
          id={id}
          name={name}
          className="scan-field__input"
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="done"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={hint ? hintId : undefined}
          disabled={disabled}
        />
        <button type="submit" className="btn btn--primary scan-field__button" disabled={disabled}>
          {buttonLabel}
        </button>
      </div>
    </form>
  );
}
