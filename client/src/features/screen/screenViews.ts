import type { UnitRankRow } from '@scoreboard/shared';

/**
 * The places the policy pays (1 … the number of tiers) with their awards: ties may put more units
 * there, and a ranked unit under the payment condition shows with no award.
 */
export function paidPlaces<Row extends UnitRankRow>(rows: readonly Row[], places: number): Array<Row & { rank: number }> {
  return rows.filter((r): r is Row & { rank: number } => r.rank !== null && r.rank <= places && r.disqualified === null);
}
