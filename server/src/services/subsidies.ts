import { evaluateSubsidies, presentSubsidies, type Subsidies } from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import type { RankingService } from './ranking';
import { createRevisionCache } from './revisionCache';

export function createSubsidiesService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'applications' | 'blacklist'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'budgetOverride'>;
  ranking: Pick<RankingService, 'ranking'>;
}) {
  /** 六(一): the budget the admin set, else the policy file's (null: none set). */
  const budgetTotalWan = (policyId: string): number | null =>
    deps.policyState.budgetOverride(policyId) ?? deps.policies.get(policyId).policy.budget.totalWan;

  function compute(policyId: string) {
    const { policy } = deps.policies.get(policyId);
    const county = deps.ranking.ranking(policyId);
    const countyWan = county.rows.reduce((s, r) => s + r.award, 0);
    return {
      county,
      // exact in the domain; API numbers from the one adapter (shared/src/present/subsidies.ts)
      result: presentSubsidies(
        evaluateSubsidies({
          policy,
          applications: deps.figures.applications(policyId),
          blacklist: deps.figures.blacklist(policyId),
          countyWan,
          budgetTotalWan: budgetTotalWan(policyId),
        }),
      ),
    };
  }

  // Evaluating thousands of applications once per change, not once per dashboard.
  const evaluations = createRevisionCache<ReturnType<typeof compute>>(deps.policyState.revision);
  const responses = createRevisionCache<Subsidies>(deps.policyState.revision);

  /** Subsidies against the live county awards (the latest month's ranking). */
  const evaluate = (policyId: string) => evaluations(policyId, () => compute(policyId));

  return {
    budgetTotalWan,
    evaluate,
    subsidies: (policyId: string): Subsidies =>
      responses(policyId, () => {
        const { result } = evaluate(policyId);
        return {
          policyId,
          revision: deps.policyState.revision(policyId),
          applications: result.applications,
          grants: result.grants,
          totals: result.totals,
          factor: result.factor,
          factorFraction: result.factorFraction,
          factorText: result.factorText,
        };
      }),
  };
}
export type SubsidiesService = ReturnType<typeof createSubsidiesService>;
