import { rankUnits, type Policy, type RankResult } from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { RankingHistoryEntry, RankingHistoryRepository, RankMap } from '../repositories/rankingHistory';
import type { FiguresReader } from './figures';

const sameRanks = (a: RankMap, b: RankMap): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

export const rankMap = (result: Pick<RankResult, 'rows'>): RankMap => Object.fromEntries(result.rows.map((r) => [r.unitId, r.rank]));

/**
 * Which stored ranking the current one is compared with (rank movement ▲▼). History keeps each
 * distinct ranking of a month at the revision it first appeared (written by `record` below, inside
 * the change that made it). If the current ranks equal the newest stored entry, that entry *is* the
 * current ranking and the one before it is "previous"; otherwise the newest stored entry is.
 */
export function previousRanking(storedNewestFirst: readonly RankingHistoryEntry[], current: RankMap): RankingHistoryEntry | null {
  const [newest, older] = storedNewestFirst;
  if (!newest) return null;
  return sameRanks(newest.ranks, current) ? (older ?? null) : newest;
}

/**
 * Rank movement is recorded where a change is recorded (services/changes.ts), inside the same
 * transaction: every month with data gets the ranking the change produced, if it differs from the
 * last one stored. So ▲▼ do not depend on who looked when, and a GET never writes.
 */
export function createRankMovement(deps: {
  policies: Pick<PolicyCatalog, 'get'>;
  figures: Pick<FiguresReader, 'units'>;
  policyState: Pick<PolicyStateRepository, 'disqualifications'>;
  history: Pick<RankingHistoryRepository, 'recent' | 'save'>;
}) {
  const disqualifiedOf = (policyId: string) =>
    Object.fromEntries(deps.policyState.disqualifications(policyId).map((d) => [d.unitId, { reason: d.reason }]));

  return {
    /** Call inside the change's transaction, with the revision the change produced. */
    record(policyId: string, revision: number): void {
      const { policy, registry } = deps.policies.get(policyId);
      const figures = deps.figures.units(policyId);
      const disqualified = disqualifiedOf(policyId);
      const latest = rankUnits({ policy, registry, figures, disqualified });
      for (const month of latest.monthsWithData) {
        const ranks = rankMap(month === latest.month ? latest : rankUnits({ policy, registry, figures, disqualified, month }));
        const [newest] = deps.history.recent(policyId, month, revision, 1);
        if (!newest || !sameRanks(newest.ranks, ranks)) deps.history.save(policyId, month, { revision, ranks });
      }
    },
    /** The ranking before the current one of this month (read only). */
    previous(policy: Policy, month: number, revision: number, current: RankMap): RankingHistoryEntry | null {
      return previousRanking(deps.history.recent(policy.policyId, month, revision, 2), current);
    },
  };
}
export type RankMovement = ReturnType<typeof createRankMovement>;
