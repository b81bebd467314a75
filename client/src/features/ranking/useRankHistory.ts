import { useEffect, useMemo } from 'react';
import type { Ranking } from '@scoreboard/shared';
import { advanceHistory, parseHistory, type RankHistory } from './rankMovement';

function storageKey(policyId: string, month: number | null): string {
  return `scoreboard.ranks.${policyId}.${month ?? 'latest'}`;
}

function read(key: string): RankHistory | null {
  try {
    return parseHistory(localStorage.getItem(key));
  } catch {
    return null; // storage blocked: movement just is not shown
  }
}

/** The remembered ranks for this ranking, advanced to its revision and written back. */
export function useRankHistory(ranking: Ranking | undefined, requestedMonth: number | null): RankHistory | null {
  const key = ranking ? storageKey(ranking.policyId, requestedMonth) : null;
  const history = useMemo(
    () => (ranking && key ? advanceHistory(read(key), ranking.revision, ranking.rows) : null),
    [ranking, key],
  );
  useEffect(() => {
    if (!key || !history) return;
    try {
      localStorage.setItem(key, JSON.stringify(history));
    } catch {
      /* storage blocked */
    }
  }, [key, history]);
  return history;
}
