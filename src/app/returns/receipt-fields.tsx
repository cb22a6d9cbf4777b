import { useId } from 'react';
import type { ReturnSubmitArgs } from '../../contract/returns';
import { useReturnsI18n } from './i18n/returns-i18n';

type Receipt = ReturnSubmitArgs['receipt'];
const receiptLanguages: readonly Receipt['language'][] = ['it', 'en'];

/** Where the receipt goes: the customer's e-mail (editable, may be left empty) and their language. */
export function ReceiptFields({
  receipt,
  onChange,
  invalid,
}: {
  receipt: Receipt;
  onChange: (receipt: Receipt) => void;
  invalid: boolean;
}) {
  const { rt, t } = useReturnsI18n();
  const id = useId();
  return (
    <fieldset className="card stack field-group">
      <legend>{rt('receipt.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-email`}>{rt('receipt.email')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {rt('receipt.emailHint')}
        </p>
        <input
          id={`${id}-email`}
          name="receipt-email"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={254}
          value={receipt.email ?? ''}
          onChange={(e) => onChange({ ...receipt, email: e.target.value })}
          aria-describedby={`${id}-hint`}
          aria-invalid={invalid || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{rt('receipt.language')}</label>
        <select
          id={`${id}-language`}
          name="receipt-language"
          value={receipt.language}
          onChange={(e) => onChange({ ...receipt, language: e.target.value as Receipt['language'] })}
        >
          {receiptLanguages.map((code) => (
            <option key={code} value={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
