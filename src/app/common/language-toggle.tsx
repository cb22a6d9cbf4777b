import { languages, type Language } from '../i18n/language';

/** Each language named in itself, so a customer finds their own whatever the screen shows. */
const names: Record<Language, string> = { en: 'English', it: 'Italiano' };

/**
 * The customers' screens' language switch (kiosk, board, curbside and substitution pages): a
 * group of toggle buttons, the chosen one pressed. The screen styles `<block>__languages` and
 * `<block>__language`.
 */
export function LanguageToggle({
  block,
  label,
  language,
  onChoose,
}: {
  block: 'kiosk' | 'public-page';
  label: string;
  language: Language;
  onChoose: (language: Language) => void;
}) {
  return (
    <div role="group" aria-label={label} className={`${block}__languages`}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={`${block}__language`}
          aria-pressed={language === code}
          onClick={() => onChoose(code)}
        >
          {names[code]}
        </button>
      ))}
    </div>
  );
}
