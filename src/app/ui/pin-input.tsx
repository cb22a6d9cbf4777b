import type { InputHTMLAttributes } from 'react';

/** A PIN field as handhelds need it: a numeric keypad, masked, 4 to 8 digits. */
export function PinInput({
  value,
  onValueChange,
  ...rest
}: { value: string; onValueChange: (pin: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
>) {
  return (
    <input
      name="pin"
      type="password"
      inputMode="numeric"
      autoComplete="current-password"
      pattern="[0-9]*"
      maxLength={8}
      required
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      {...rest}
    />
  );
}
