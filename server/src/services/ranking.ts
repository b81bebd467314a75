import { presentRankResult, rankUnits, type Ranking } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { list, msg } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { BatchesRepository } from '../repositories/batches';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import { rankMap, type RankMovement } from './rankMovement';

export function createRankingService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'units'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'updatedAt' | 'disqualifications' | 'finalization'>;
  batches: Pick<BatchesRepository, 'latestChangeAt'>;
  movement: Pick<RankMovement, 'previous'>;
}) {
  // Cached per (policy, revision, month): every change bumps the revision, so a stale entry is
  // never read again; only the current revision's entries are kept.
  const cache = new Map<string, { revision: number; byMonth: Map<string, Ranking> }>();

  /** The exact ranking (shared/src/ranking.ts) of the stored figures. */
  function exact(policyId: string, month?: number) {
    const { policy, registry } = deps.policies.get(policyId);
    if (month !== undefined && !policy.period.months.includes(month)) {
      throw new HttpError(400, 'invalid_month', msg('invalid_month', { month, months: list(policy.period.months) }));
    }
    const disqualified = Object.fromEntries(
      deps.policyState.disqualifications(policyId).map((d) => [d.unitId, { reason: d.reason }]),
    );
    return rankUnits({ policy, registry, month: month ?? null, figures: deps.figures.units(policyId), disqualified });
  }

  function compute(policyId: string, month: number | undefined, revision: number): Ranking {
    const { policy } = deps.policies.get(policyId);
    const result = exact(policyId, month);
    // Reads never write: the history was recorded by the change that made this ranking.
    const previous = result.month === null ? null : deps.movement.previous(policy, result.month, revision, rankMap(result));
    const finalization = deps.policyState.finalization(policyId);
    const presented = presentRankResult(result, policy);
    return {
      policyId,
      ...presented,
      rows: presented.rows.map((row) => ({ ...row, previousRank: previous?.ranks[row.unitId] ?? null })),
      revision,
      previousRevision: previous?.revision ?? null,
      final: finalization !== undefined,
      // The finalization's own revision is the one the finalize produced (services/awards.ts).
      revisedAfterFinalization: finalization !== undefined && revision > finalization.revision,
      updatedAt: deps.policyState.updatedAt(policyId) ?? deps.batches.latestChangeAt(policyId),
    };
  }

  return {
    exact,
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
