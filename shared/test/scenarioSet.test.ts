import { describe, expect, it } from 'vitest';
import { fullMarks, loadPolicy, policySchema, rankRanges, standardScenarios, type Policy } from '../src';
import { liuzhou, readJson } from './fixtures';

const q3 = liuzhou().policy;
const q4 = loadPolicy(readJson('policies/liuzhou-2026-q4.json'), readJson('registries/liuzhou.json'), {
  policyFile: 'data/policies/liuzhou-2026-q4.json',
  registryFile: 'data/registries/liuzhou.json',
}).policy;

const settings = (p: Policy) =>
  p.countyAward.indicators.map((i) =>
    i.scoring === 'completion'
      ? [i.indicatorId, Number(i.basePoints), Number(i.bonusPerPoint), Number(i.bonusCap)]
      : [i.indicatorId, Number(i.basePoints), Number(i.stepPoints), Number(i.floorPoints)],
  );

describe('the standard set of scenarios', () => {
  it('Q3 (two completion indicators, 50/50): 2 weight moves and the 9 bonus × cap combinations', () => {
    const set = standardScenarios(q3);
    expect(set.map((s) => s.key)).toEqual([
      'weight:output>investment', 'weight:investment>output',
      'bonus:0.25/cap:5', 'bonus:0.25/cap:10', 'bonus:0.25/cap:20',
      'bonus:0.5/cap:5', 'bonus:0.5/cap:10', 'bonus:0.5/cap:20',
      'bonus:1/cap:5', 'bonus:1/cap:10', 'bonus:1/cap:20',
    ]);
    expect(settings(set[0]!.policy)).toEqual([['output', 40, 0.5, 10], ['investment', 60, 0.5, 10]]);
    expect(settings(set[8]!.policy)).toEqual([['output', 50, 1, 5], ['investment', 50, 1, 5]]);
    expect(set[8]!.variation).toEqual({ kind: 'bonus', bonusPerPoint: 1, bonusCap: 5 });
  });

  it('keeps the full marks (100 in Q3 and Q4), so the on-target line and a minScore keep their meaning', () => {
    expect([fullMarks(q3), fullMarks(q4)]).toEqual([100, 100]);
    for (const s of [...standardScenarios(q3), ...standardScenarios(q4)]) expect(fullMarks(s.policy), s.key).toBe(100);
  });

  it('Q4 (40/40 completion + a 20-point rankPoints count): 6 weight moves, 9 bonus × cap, step ×½ and ×2', () => {
    const set = standardScenarios(q4);
    expect(set).toHaveLength(6 + 9 + 2);
    const byKey = Object.fromEntries(set.map((s) => [s.key, s.policy]));
    // the count loses 10: first place 10, step 2 kept, floor 6 kept (≤ 10)
    expect(settings(byKey['weight:newfirms>output']!)).toEqual([['output', 50, 0.5, 8], ['investment', 40, 0.5, 8], ['newfirms', 10, 2, 6]]);
    expect(settings(byKey['weight:output>newfirms']!)).toEqual([['output', 30, 0.5, 8], ['investment', 40, 0.5, 8], ['newfirms', 30, 2, 6]]);
    // bonus and cap do not exist for rankPoints: the count is untouched
    expect(settings(byKey['bonus:0.25/cap:20']!)).toEqual([['output', 40, 0.25, 20], ['investment', 40, 0.25, 20], ['newfirms', 20, 2, 6]]);
    expect(settings(byKey['step:newfirms:1']!)[2]).toEqual(['newfirms', 20, 1, 6]);
    expect(settings(byKey['step:newfirms:4']!)[2]).toEqual(['newfirms', 20, 4, 6]);
  });

  it('lowers a rankPoints floor with its first place, and skips a move that leaves 0 points', () => {
    const p = structuredClone(q4);
    const count = p.countyAward.indicators[2]! as Extract<Policy['countyAward']['indicators'][number], { scoring: 'rankPoints' }>;
    count.basePoints = 14;
    count.floorPoints = 6;
    p.countyAward.indicators[0]!.basePoints = 10;
    const byKey = Object.fromEntries(standardScenarios(p).map((s) => [s.key, s.policy]));
    expect(settings(byKey['weight:newfirms>investment']!)[2]).toEqual(['newfirms', 4, 2, 4]);
    expect(byKey['weight:output>investment']).toBeUndefined(); // 10 − 10 = 0 points
    expect(byKey['weight:investment>output']).toBeDefined();
  });

  it('every generated policy is a valid policy document', () => {
    for (const s of [...standardScenarios(q3), ...standardScenarios(q4)]) {
      expect(policySchema.safeParse(s.policy).success, s.key).toBe(true);
    }
  });
});

describe('rankRanges', () => {
  it('takes each unit\'s best and worst rank, and the first scenario that gives it', () => {
    const base = [
      { unitId: 'a', unitName: '甲', rank: 1 },
      { unitId: 'b', unitName: '乙', rank: 2 },
      { unitId: 'c', unitName: '丙', rank: null },
    ];
    const ranks = (entries: [string, number | null][]) => new Map(entries);
    const out = rankRanges(base, [
      { key: 'base', ranks: ranks([['a', 1], ['b', 2], ['c', null]]) },
      { key: 'x', ranks: ranks([['a', 2], ['b', 1], ['c', null]]) },
      { key: 'y', ranks: ranks([['a', 3], ['b', 1]]) },
    ]);
    expect(out).toEqual([
      { unitId: 'a', unitName: '甲', rank: 1, best: 1, worst: 3, bestKey: 'base', worstKey: 'y' },
      { unitId: 'b', unitName: '乙', rank: 2, best: 1, worst: 2, bestKey: 'x', worstKey: 'base' },
      { unitId: 'c', unitName: '丙', rank: null, best: null, worst: null, bestKey: null, worstKey: null },
    ]);
  });
});
