import { evaluateSubsidies, type Subsidies } from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import type { RankingService } from './ranking';

export function createSubsidiesService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'applications' | 'blacklist'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'budgetOverride'>;
  ranking: Pick<RankingService, 'ranking'>;
}) {
  /** 六(一): the budget the admin set, else the policy file's (null: none set). */
  const budgetTotalWan = (policyId: string): number | null =>
    deps.policyState.budgetOverride(policyId) ?? deps.policies.get(policyId).policy.budget.totalWan;

  // Cached per (policy, revision), like the ranking: every change that could move a grant (an
  // upload, a revert, a disqualification, the budget) bumps the revision. Evaluating thousands of
  // applications once per change, not once per dashboard, keeps the fan-out after a change cheap.
  const cache = new Map<string, { revision: number; value: ReturnType<typeof compute> }>();

  function compute(policyId: string) {
    const { policy } = deps.policies.get(policyId);
    const county = deps.ranking.ranking(policyId);
    const countyWan = county.rows.reduce((s, r) => s + r.award, 0);
    return {
      county,
      result: evaluateSubsidies({
        policy,
        applications: deps.figures.applications(policyId),
        blacklist: deps.figures.blacklist(policyId),
        countyWan,
        budgetTotalWan: budgetTotalWan(policyId),
      }),
    };
  }

  /** Subsidies against the live county awards (the latest month's ranking). */
  function evaluate(policyId: string) {
    const revision = deps.policyState.revision(policyId);
    const hit = cache.get(policyId);
    if (hit && hit.revision === revision) return hit.value;
    const value = compute(policyId);
    cache.set(policyId, { revision, value });
    return value;
  }

  return {
    budgetTotalWan,
    evaluate,
    subsidies(policyId: string): Subsidies {
      const { result } = evaluate(policyId);
      return {
        policyId,
        revision: deps.policyState.revision(policyId),
        applications: result.applications,
        grants: result.grants,
        totals: result.totals,
        factor: result.factor,
      };
    },
  };
}
export type SubsidiesService = ReturnType<typeof createSubsidiesService>;
