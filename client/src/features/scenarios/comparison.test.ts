import { describe, expect, it } from 'vitest';
import type { Ranking, RankingRow, ScenarioMoney } from '@scoreboard/shared';
import { comparisonRows, moneyRows, placeMovement } from './comparison';

const row = (unitId: string, unitName: string, rank: number | null, score: number | null, award: number): RankingRow => ({
  unitId, unitName, rank, score, award, tied: false, disqualified: null, missing: [], indicators: {}, unpaid: null, tieBreak: null, previousRank: null,
});
const ranking = (rows: RankingRow[]) => ({ rows }) as Pick<Ranking, 'rows'> as Ranking;

describe('comparisonRows', () => {
  // bonus 1 per point on the Q3 demo figures (tests/api/scenarios.test.ts): 鹿寨 and 柳东 swap
  const base = ranking([row('LZ-LD', '柳东新区', 1, 110.5, 800), row('450223', '鹿寨县', 2, 109.6, 500), row('450206', '柳江区', 3, 105.4, 350), row('450202', '城中区', 8, 98.5, 0)]);
  const scenario = ranking([row('450223', '鹿寨县', 1, 119, 800), row('LZ-LD', '柳东新区', 2, 118.6, 500), row('450206', '柳江区', 3, 110.8, 350)]);
  const changes = [{ unitId: '450223' }, { unitId: 'LZ-LD' }, { unitId: '450206' }, { unitId: '450202' }] as never[];

  it('follows the scenario\'s order, with ▲▼ and the award difference in 万元', () => {
    const rows = comparisonRows({ base, scenario, changes });
    expect(rows.map((r) => [r.unitName, r.movement, r.awardDiff, r.changed])).toEqual([
      ['鹿寨县', { kind: 'up', places: 1 }, 300, true],
      ['柳东新区', { kind: 'down', places: 1 }, -300, true],
      ['柳江区', { kind: 'same' }, 0, true],
      ['城中区', null, 0, true], // left out of the scenario: listed last, no movement
    ]);
  });

  it('places: a unit newly ranked is "new", one no longer ranked has no movement', () => {
    expect(placeMovement(null, 4)).toEqual({ kind: 'new' });
    expect(placeMovement(4, null)).toBeNull();
  });
});

describe('moneyRows', () => {
  const money = (over: Partial<ScenarioMoney>): ScenarioMoney => ({
    totalWan: null, countyWan: 2000, subsidiesWan: 137, paidWan: 2137, remainingWan: null, factor: 1, factorFraction: '1', factorText: '1.0000', scaled: false, overBudget: false, shortfallWan: null, subsidiesComputedWan: 137, ...over,
  });
  it('gives before, after and the difference; an unset budget has no difference', () => {
    const rows = moneyRows({ before: money({}), after: money({ countyWan: 1850, paidWan: 1987 }) });
    expect(rows.find((r) => r.key === 'countyWan')).toEqual({ key: 'countyWan', before: 2000, after: 1850, diff: -150 });
    expect(rows.find((r) => r.key === 'totalWan')).toEqual({ key: 'totalWan', before: null, after: null, diff: null });
  });
});
