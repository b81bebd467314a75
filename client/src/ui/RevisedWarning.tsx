import { useI18n } from '../i18n/I18nProvider';

/** "Revised after finalization" (SPEC.md §9): the same banner on the ranking and on /awards. */
export function RevisedWarning() {
  const { t } = useI18n();
  return (
    <p className="notice notice-warn" role="alert" data-testid="revised-warning">
      <span aria-hidden="true">⚠ </span>{t('awards.revised')}
    </p>
  );
}
