import { rankUnits, type Ranking } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { BatchesRepository } from '../repositories/batches';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';

export function createRankingService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'units'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'updatedAt' | 'disqualifications' | 'finalization'>;
  batches: Pick<BatchesRepository, 'latestChangeAt'>;
}) {
  // Cached per (policy, revision, month): every change bumps the revision, so a stale entry is
  // never read again; only the current revision's entries are kept.
  const cache = new Map<string, { revision: number; byMonth: Map<string, Ranking> }>();

  function compute(policyId: string, month: number | undefined, revision: number): Ranking {
    const { policy, registry } = deps.policies.get(policyId);
    if (month !== undefined && !policy.period.months.includes(month)) {
      throw new HttpError(400, 'invalid_month', `月份 ${month} 不在考核期内（可选：${policy.period.months.join('、')}）`);
    }
    const disqualified = Object.fromEntries(
      deps.policyState.disqualifications(policyId).map((d) => [d.unitId, { reason: d.reason }]),
    );
    const result = rankUnits({ policy, registry, month: month ?? null, figures: deps.figures.units(policyId), disqualified });
    return {
      policyId,
      ...result,
      revision,
      final: deps.policyState.finalization(policyId) !== undefined,
      updatedAt: deps.policyState.updatedAt(policyId) ?? deps.batches.latestChangeAt(policyId),
    };
  }

  return {
    ranking(policyId: string, month?: number): Ranking {
      deps.policies.get(policyId);
      const revision = deps.policyState.revision(policyId);
      let entry = cache.get(policyId);
      if (!entry || entry.revision !== revision) {
        entry = { revision, byMonth: new Map() };
        cache.set(policyId, entry);
      }
      const key = String(month ?? 'latest');
      let ranking = entry.byMonth.get(key);
      if (!ranking) {
        ranking = compute(policyId, month, revision);
        entry.byMonth.set(key, ranking);
      }
      return ranking;
    },
  };
}
export type RankingService = ReturnType<typeof createRankingService>;
