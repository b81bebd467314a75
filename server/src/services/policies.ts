import type { Policy, PolicySummary } from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';

/** Today's date where the policies apply (China Standard Time), as YYYY-MM-DD. */
export function chinaDate(epochMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

/** Newest period first — by the start of the period, then by id, so file order never decides. */
const newestFirst = (policies: readonly Policy[]): Policy[] =>
  [...policies].sort((a, b) => b.period.start.localeCompare(a.period.start) || a.policyId.localeCompare(b.policyId));

/** The policy a link without `?policy=` means (SPEC §13): the newest in force, else the newest. */
export function defaultPolicy(policies: readonly Policy[]): Policy {
  const sorted = newestFirst(policies);
  return sorted.find((p) => p.status === 'in_force') ?? sorted[0]!;
}

/** The policies side by side, newest period first, each with how it shows today. */
export function createPoliciesService(deps: {
  policies: Pick<PolicyCatalog, 'all'>;
  policyState: Pick<PolicyStateRepository, 'finalization' | 'revision'>;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  function summary(policy: Policy): PolicySummary {
    return {
      policyId: policy.policyId,
      title: policy.title,
      titleEn: policy.titleEn,
      status: policy.status,
      example: policy.example,
      periodLabel: policy.period.label,
      periodLabelEn: policy.period.labelEn,
      periodStart: policy.period.start,
      periodEnd: policy.period.end,
      validUntil: policy.validUntil,
      expired: chinaDate(now()) > policy.validUntil,
      final: deps.policyState.finalization(policy.policyId) !== undefined,
      revision: deps.policyState.revision(policy.policyId),
    };
  }
  return {
    /** The policy a request that names none means (SPEC §13). */
    defaultPolicyId: () => defaultPolicy(deps.policies.all().map((p) => p.policy)).policyId,
    list() {
      const all = deps.policies.all().map((p) => p.policy);
      return { defaultPolicyId: defaultPolicy(all).policyId, policies: newestFirst(all).map(summary) };
    },
  };
}
export type PoliciesService = ReturnType<typeof createPoliciesService>;
