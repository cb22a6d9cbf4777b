import { useT } from '../i18n/use-t';
import { ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="stack">
      <PageHeading>{t('common.notFound')}</PageHeading>
      <p>{t('common.notFoundHint')}</p>
      <ButtonLink to="/" variant="primary" size="lg">
        {t('common.backToQueue')}
      </ButtonLink>
    </div>
  );
}
