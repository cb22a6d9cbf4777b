/**
 * One choice of a few, all in view: a fieldset of radio buttons, each a whole-row target
 * (`.radio-group` in styles.css). The words of each option come from the caller's dictionary.
 */
export function RadioGroup<Value extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  label,
}: {
  legend: string;
  /** The radios' shared name: unique on the page. */
  name: string;
  options: readonly Value[];
  value: Value;
  onChange: (value: Value) => void;
  label: (option: Value) => string;
}) {
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="radio-group__option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
