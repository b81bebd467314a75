import type { RankingRow } from '@scoreboard/shared';

/** The ranked places 1–5 with their awards (ties may put more than five units there). */
export function topFive(rows: readonly RankingRow[]): Array<RankingRow & { rank: number }> {
  return rows.filter((r): r is RankingRow & { rank: number } => r.rank !== null && r.rank <= 5 && r.disqualified === null);
}
