import { languages, type Language } from '../i18n/language';

/** Each language named in itself, so a customer finds their own whatever the screen shows. */
const names: Record<Language, string> = { en: 'English', it: 'Italiano' };

/**
 * The customers' screens' language switch (kiosk, board, curbside and substitution pages): a
 * group of toggle buttons, the chosen one pressed. The screen styles it through its classes.
 */
export function LanguageToggle({
  label,
  language,
  onChoose,
  groupClassName,
  buttonClassName,
}: {
  label: string;
  language: Language;
  onChoose: (language: Language) => void;
  groupClassName: string;
  buttonClassName: string;
}) {
  return (
    <div role="group" aria-label={label} className={groupClassName}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={buttonClassName}
          aria-pressed={language === code}
          onClick={() => onChoose(code)}
        >
          {names[code]}
        </button>
      ))}
    </div>
  );
}
