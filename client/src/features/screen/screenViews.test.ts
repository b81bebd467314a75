import { describe, expect, it } from 'vitest';
import type { UnitRankRow } from '@scoreboard/shared';
import { paidPlaces } from './screenViews';

const none = { target: null, proratedTarget: null, actual: null, completionRate: null, points: null, place: null };
const row = (unitId: string, rank: number | null, award: number, disqualified: UnitRankRow['disqualified'] = null): UnitRankRow => ({
  unitId, unitName: unitId, rank, score: 90, tied: false, award, disqualified, missing: [], indicators: { output: none, investment: none }, unpaid: null, tieBreak: null,
});
const rows = [row('a', 1, 800), row('b', 2, 425), row('c', 2, 425), row('d', 4, 200), row('e', 5, 150), row('f', 6, 0), row('g', null, 0, { reason: '事故' }), row('h', null, 0)];

describe('paidPlaces', () => {
  it('lists the policy\'s paid places (five in Q3), ties included, disqualified and unranked left out', () => {
    expect(paidPlaces(rows, 5).map((r) => [r.unitId, r.award])).toEqual([['a', 800], ['b', 425], ['c', 425], ['d', 200], ['e', 150]]);
  });
  it('shows six places for a six-tier policy, an unpaid sixth included', () => {
    expect(paidPlaces(rows, 6).map((r) => [r.unitId, r.rank, r.award])).toContainEqual(['f', 6, 0]);
  });
});
