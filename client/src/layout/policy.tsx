import { createContext, useContext, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { usePoliciesQuery } from '../api/queries';
import { useI18n } from '../i18n/I18nProvider';

interface PolicyChoice {
  policyId: string;
  title: string;
  draft: boolean;
}
const PolicyContext = createContext<PolicyChoice | null>(null);

/**
 * Which policy the pages show: `?policy=<id>` when given (a shareable link), else the first the
 * server lists. A new quarter is a new policy file, so nothing here names one.
 */
export function PolicyProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const policies = usePoliciesQuery();
  if (policies.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (policies.isError) return <p role="alert">{t('common.error', { message: policies.error.message })}</p>;
  const wanted = params.get('policy');
  const chosen = policies.data.policies.find((p) => p.policyId === wanted) ?? policies.data.policies[0];
  if (!chosen) return <p role="alert">{t('common.noData')}</p>;
  return (
    <PolicyContext.Provider value={{ policyId: chosen.policyId, title: chosen.title, draft: chosen.status === 'draft' }}>
      {children}
    </PolicyContext.Provider>
  );
}

export function usePolicy(): PolicyChoice {
  const policy = useContext(PolicyContext);
  if (!policy) throw new Error('usePolicy outside <PolicyProvider>');
  return policy;
}
