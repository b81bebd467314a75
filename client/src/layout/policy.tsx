import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Policy, PolicySummary } from '@scoreboard/shared';
import { usePoliciesQuery, usePolicyDocumentQuery, useRegistryQuery } from '../api/queries';
import { useI18n } from '../i18n/I18nProvider';
import { namesFor, type Names } from '../policy/names';
import { policyBadges, type PolicyBadge } from '../policy/wording';

interface PolicyChoice {
  policyId: string;
  title: string;
  draft: boolean;
  /** how the policy shows today: status, expired, final, example */
  summary: PolicySummary;
  /** the whole policy document (GET /api/policies/:policyId): pages draw from it */
  policy: Policy;
  policies: readonly PolicySummary[];
  /** unit and industry names in the chosen language (registry; SPEC §16) */
  names: Names;
}
const PolicyContext = createContext<PolicyChoice | null>(null);

/** `?policy=` names the policy of a link (SPEC §13): a shared link opens the same period. */
export const POLICY_PARAM = 'policy';

/**
 * Which policy the pages show: `?policy=<id>` when given (a shareable link), else the server's
 * default — the newest in force, else the newest — so links made before there were several
 * policies still open. A new quarter is a new policy file, so nothing here names one.
 */
export function PolicyProvider({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const policies = usePoliciesQuery();
  const wanted = params.get(POLICY_PARAM);
  const summary = policies.data?.policies.find((p) => p.policyId === (wanted ?? policies.data.defaultPolicyId));
  const document = usePolicyDocumentQuery(summary?.policyId ?? '', summary !== undefined);
  const registry = useRegistryQuery(summary?.policyId ?? '', summary !== undefined);
  const names = useMemo(() => namesFor(registry.data, lang), [registry.data, lang]);
  if (policies.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (policies.isError) return <p role="alert">{t('common.error', { message: policies.error.message })}</p>;
  if (!summary) {
    return (
      <main id="main" className="policy-missing">
        <p role="alert">{t('policy.notFound', { id: wanted ?? '' })}</p>
        <ul>
          {policies.data.policies.map((p) => (
            <li key={p.policyId}><Link to={`/?${POLICY_PARAM}=${encodeURIComponent(p.policyId)}`}>{lang === 'en' ? p.periodLabelEn : p.periodLabel} · {lang === 'en' ? p.titleEn : p.title}</Link></li>
          ))}
        </ul>
      </main>
    );
  }
  if (document.isPending || registry.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (document.isError) return <p role="alert">{t('common.error', { message: document.error.message })}</p>;
  if (registry.isError) return <p role="alert">{t('common.error', { message: registry.error.message })}</p>;
  const value: PolicyChoice = {
    policyId: summary.policyId,
    title: lang === 'en' ? summary.titleEn : summary.title,
    draft: summary.status === 'draft',
    summary,
    policy: document.data,
    policies: policies.data.policies,
    names,
  };
  return <PolicyContext.Provider value={value}>{children}</PolicyContext.Provider>;
}

export function usePolicy(): PolicyChoice {
  const policy = useContext(PolicyContext);
  if (!policy) throw new Error('usePolicy outside <PolicyProvider>');
  return policy;
}

/** Links name their policy: `href('/awards')` → "/awards?policy=<policyId>". */
export function usePolicyHref(): (path: string, extra?: Record<string, string>) => string {
  const { policyId } = usePolicy();
  return useCallback(
    (path: string, extra: Record<string, string> = {}) => {
      const search = new URLSearchParams({ [POLICY_PARAM]: policyId, ...extra });
      return `${path}?${search.toString()}`;
    },
    [policyId],
  );
}

/** The badges of a policy as chips: 征求意见稿 / 正式, 已过有效期, 已定稿, 示例. */
export function PolicyBadges({ summary, className }: { summary: PolicySummary; className?: string }) {
  const { t } = useI18n();
  return (
    <span className={className ?? 'policy-badges'} data-testid="policy-badges">
      {policyBadges(summary).map((b: PolicyBadge) => (
        <span key={b} className={`chip chip-policy-${b}`}>{t(`policy.badge.${b}`)}</span>
      ))}
    </span>
  );
}

/** Choose the policy (period) every page shows; the page stays, its figures follow the choice. */
export function PolicySwitcher({ id = 'policy-switcher' }: { id?: string }) {
  const { t, lang } = useI18n();
  const { policyId, policies } = usePolicy();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <div className="field policy-switcher">
      <label htmlFor={id}>{t('policy.switch')}</label>
      <select
        id={id}
        value={policyId}
        data-testid="policy-switcher"
        onChange={(e) => {
          // a month or a filter of one period means nothing in another: only the policy travels
          navigate({ pathname: location.pathname, search: `?${POLICY_PARAM}=${encodeURIComponent(e.target.value)}` });
        }}
      >
        {policies.map((p) => (
          <option key={p.policyId} value={p.policyId}>
            {lang === 'en' ? p.periodLabelEn : p.periodLabel} · {policyBadges(p).map((b) => t(`policy.badge.${b}`)).join(' · ')}
          </option>
        ))}
      </select>
    </div>
  );
}
