import { rankUnits, type Ranking } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { BatchesRepository } from '../repositories/batches';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { RankingHistoryEntry, RankingHistoryRepository, RankMap } from '../repositories/rankingHistory';
import type { FiguresReader } from './figures';

const sameRanks = (a: RankMap, b: RankMap): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * Which stored ranking the current one is compared with (issue 5). History keeps each distinct
 * ranking at the revision it first appeared. If the current ranks equal the newest stored entry,
 * that entry *is* the current ranking and the one before it is "previous"; otherwise the current
 * ranking is new (store it) and the newest stored entry is "previous". So a change that moves no
 * unit (a budget edit, a preview-free re-upload) does not wipe the arrows out.
 */
export function previousRanking(
  storedNewestFirst: readonly RankingHistoryEntry[],
  current: RankingHistoryEntry,
): { previous: RankingHistoryEntry | null; store: boolean } {
  const [newest, older] = storedNewestFirst;
  if (!newest) return { previous: null, store: true };
  if (sameRanks(newest.ranks, current.ranks)) return { previous: older ?? null, store: false };
  // Same revision but different ranks can only mean the policy file changed under it: replace.
  if (newest.revision === current.revision) return { previous: older ?? null, store: true };
  return { previous: newest, store: true };
}

export function createRankingService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'units'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'updatedAt' | 'disqualifications' | 'finalization'>;
  batches: Pick<BatchesRepository, 'latestChangeAt'>;
  history: RankingHistoryRepository;
}) {
  // Cached per (policy, revision, month): every change bumps the revision, so a stale entry is
  // never read again; only the current revision's entries are kept.
  const cache = new Map<string, { revision: number; byMonth: Map<string, Ranking> }>();

  /** Records this ranking if it is new and returns the one before it, as one transaction. */
  function advanceHistory(policyId: string, month: number, current: RankingHistoryEntry): RankingHistoryEntry | null {
    return deps.history.transaction(() => {
      const { previous, store } = previousRanking(deps.history.recent(policyId, month, current.revision), current);
      if (store) deps.history.save(policyId, month, current);
      return previous;
    });
  }

  function compute(policyId: string, month: number | undefined, revision: number): Ranking {
    const { policy, registry } = deps.policies.get(policyId);
    if (month !== undefined && !policy.period.months.includes(month)) {
      throw new HttpError(400, 'invalid_month', `月份 ${month} 不在考核期内（可选：${policy.period.months.join('、')}）`);
    }
    const disqualified = Object.fromEntries(
      deps.policyState.disqualifications(policyId).map((d) => [d.unitId, { reason: d.reason }]),
    );
    const result = rankUnits({ policy, registry, month: month ?? null, figures: deps.figures.units(policyId), disqualified });
    const ranks: RankMap = Object.fromEntries(result.rows.map((r) => [r.unitId, r.rank]));
    // No month means no actuals yet: nothing is ranked, so there is nothing to remember.
    const previous = result.month === null ? null : advanceHistory(policyId, result.month, { revision, ranks });
    const finalization = deps.policyState.finalization(policyId);
    return {
      policyId,
      ...result,
      rows: result.rows.map((row) => ({ ...row, previousRank: previous?.ranks[row.unitId] ?? null })),
      revision,
      previousRevision: previous?.revision ?? null,
      final: finalization !== undefined,
      // The finalization's own revision is the one the finalize produced (services/awards.ts).
      revisedAfterFinalization: finalization !== undefined && revision > finalization.revision,
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
