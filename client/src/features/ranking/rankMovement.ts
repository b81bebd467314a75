import type { Ranking, RankingRow } from '@scoreboard/shared';

/**
 * Rank movement (issue 5, item 1), from the server: each row carries the unit's rank in the
 * previous distinct ranking of the same month, and the ranking says at which revision that
 * ranking appeared (null: there is none yet, so there is nothing to compare with).
 */
export type Movement =
  | { kind: 'up' | 'down'; places: number }
  | { kind: 'same' }
  | { kind: 'new' } // ranked now, not ranked before (data landed, or 一票否决 lifted)
  | null; // nothing to show: not ranked now, or no earlier ranking

export function movementOf(row: Pick<RankingRow, 'rank' | 'previousRank'>, previousRevision: Ranking['previousRevision']): Movement {
  if (previousRevision === null || row.rank === null) return null;
  if (row.previousRank === null) return { kind: 'new' };
  if (row.previousRank === row.rank) return { kind: 'same' };
  return row.previousRank > row.rank
    ? { kind: 'up', places: row.previousRank - row.rank }
    : { kind: 'down', places: row.rank - row.previousRank };
}
