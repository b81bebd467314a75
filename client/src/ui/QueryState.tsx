import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';

/** Loading and error states for a query, so every page says the same thing the same way. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) return <p className="loading" role="status">{t('common.loading')}</p>;
  if (query.isError) {
    return (
      <div role="alert" className="notice notice-error">
        {t('common.error', { message: query.error.message })}{' '}
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
