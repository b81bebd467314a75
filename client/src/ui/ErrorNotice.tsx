import { useI18n } from '../i18n/I18nProvider';

/** A failed write, in the server's own Chinese words. */
export function ErrorNotice({ error }: { error: Error | null }) {
  const { t } = useI18n();
  if (!error) return null;
  const forbidden = 'status' in error && error.status === 403;
  return (
    <p role="alert" className="notice notice-error">
      {forbidden ? t('common.forbidden') : error.message}
    </p>
  );
}
