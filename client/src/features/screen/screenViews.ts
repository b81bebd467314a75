import type { UnitRankRow } from '@scoreboard/shared';

/** The ranked places 1–5 with their awards (ties may put more than five units there). */
export function topFive<Row extends UnitRankRow>(rows: readonly Row[]): Array<Row & { rank: number }> {
  return rows.filter((r): r is Row & { rank: number } => r.rank !== null && r.rank <= 5 && r.disqualified === null);
}
