import { gunzipSync } from 'node:zlib';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import type { RankingService } from './ranking';
import { createRevisionCache } from './revisionCache';
import { evaluateAndEncode, evaluateInWorker, OFF_THREAD_CLAIMS, type PresentedResult } from './subsidyEvaluation';

export function createSubsidiesService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'applications' | 'blacklist' | 'claimCount'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'budgetOverride'>;
  ranking: Pick<RankingService, 'ranking'>;
  /** the database file, which a worker thread opens to evaluate many claims; null: in memory, evaluated in place */
  databasePath: string | null;
}) {
  /** 六(一): the budget the admin set, else the policy file's (null: none set). */
  const budgetTotalWan = (policyId: string): number | null =>
    deps.policyState.budgetOverride(policyId) ?? deps.policies.get(policyId).policy.budget.totalWan;

  /**
   * Evaluating thousands of applications once per change, not once per dashboard. The answer that
   * lists every application (150,000 in the benchmark: ~50 MB of JSON) is encoded once and kept
   * gzipped (a tenth of the size: its records repeat their field names), which is also what every
   * browser asks for; the evaluation kept for the awards keeps the grants and budget, not the list.
   * A policy with many claims is evaluated in a worker thread (subsidyEvaluation.ts).
   */
  const evaluated = createRevisionCache<{ lean: { county: ReturnType<RankingService['ranking']>; result: PresentedResult }; gzip: Buffer }>(deps.policyState.revision);
  const both = (policyId: string) =>
    evaluated(policyId, () => {
      const { policy } = deps.policies.get(policyId);
      const county = deps.ranking.ranking(policyId);
      const input = {
        policyId,
        revision: deps.policyState.revision(policyId),
        policy,
        countyWan: county.rows.reduce((s, r) => s + r.award, 0),
        budgetTotalWan: budgetTotalWan(policyId),
      };
      const claims = deps.figures.claimCount(policyId);
      const away = deps.databasePath !== null && claims >= OFF_THREAD_CLAIMS ? evaluateInWorker(deps.databasePath, input, claims) : null;
      const { result, gzip } = away ?? evaluateAndEncode({ ...input, applications: deps.figures.applications(policyId), blacklist: deps.figures.blacklist(policyId) });
      return { lean: { county, result }, gzip };
    });

  /** Subsidies against the live county awards (the latest month's ranking), without the application list. */
  const evaluate = (policyId: string) => both(policyId).lean;

  return {
    budgetTotalWan,
    evaluate,
    /** GET …/subsidies, as the JSON bytes to send: gzipped for a client that takes gzip */
    subsidiesJson(policyId: string, gzip: boolean): { body: Buffer; gzip: boolean } {
      const body = both(policyId).gzip;
      return gzip ? { body, gzip } : { body: gunzipSync(body), gzip };
    },
  };
}
export type SubsidiesService = ReturnType<typeof createSubsidiesService>;
