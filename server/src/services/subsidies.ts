import { evaluateSubsidies, subsidiesSchema, type Subsidies } from '@scoreboard/shared';
import { serializerCompiler } from 'fastify-type-provider-zod';
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
      result: evaluateSubsidies({
        policy,
        applications: deps.figures.applications(policyId),
        blacklist: deps.figures.blacklist(policyId),
        countyWan,
        budgetTotalWan: budgetTotalWan(policyId),
      }),
    };
  }

  /**
   * Evaluating thousands of applications once per change, not once per dashboard. The answer that
   * lists every application (150,000 in the benchmark: ~50 MB of JSON) is encoded once, with the
   * same zod serializer a route uses, and kept as UTF-8 bytes; the evaluation kept for the awards
   * keeps the grants and budget, not the application list, so no copy of 150,000 objects stays.
   */
  const encode = serializerCompiler({ schema: subsidiesSchema, method: 'GET', url: '/api/policies/:policyId/subsidies' });
  const evaluated = createRevisionCache<{ lean: ReturnType<typeof compute>; json: Buffer }>(deps.policyState.revision);
  const both = (policyId: string) =>
    evaluated(policyId, () => {
      const full = compute(policyId);
      const { result } = full;
      const answer: Subsidies = {
        policyId,
        revision: deps.policyState.revision(policyId),
        applications: result.applications,
        grants: result.grants,
        totals: result.totals,
        factor: result.factor,
      };
      const json = Buffer.from(encode(answer) as string, 'utf8');
      return { lean: { county: full.county, result: { ...result, applications: [] } }, json };
    });

  /** Subsidies against the live county awards (the latest month's ranking), without the application list. */
  const evaluate = (policyId: string) => both(policyId).lean;

  return {
    budgetTotalWan,
    evaluate,
    /** GET …/subsidies, as the JSON bytes to send */
    subsidiesJson: (policyId: string): Buffer => both(policyId).json,
  };
}
export type SubsidiesService = ReturnType<typeof createSubsidiesService>;
