import { useI18n } from '../i18n/use-t';
import { languages } from '../i18n/language';

const labels = { en: 'EN', it: 'IT' } as const;
const names = { en: 'English', it: 'Italiano' } as const;

/** Two toggle buttons; each names its language in that language, for whoever needs it. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          title={names[code]}
          className="lang-switch__button"
          aria-pressed={language === code}
          onClick={() => setLanguage(code)}
        >
          {labels[code]}
        </button>
      ))}
    </div>
  );
}
