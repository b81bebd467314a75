import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateScenario, parseScenarioPolicy, presentRankResult, rankingChanges, rankUnits, scenarioBudgetWan, settingChanges,
  type LoadedPolicy, type Policy, type Ranking, type UnitFigures,
} from '../src';
import { liuzhou } from './fixtures';

const q3 = liuzhou();
const doc = (): Policy => structuredClone(q3.policy);

/** The ranking as GET …/ranking would answer it for these figures (no history). */
function stored(loaded: LoadedPolicy, figures: Record<string, UnitFigures>, disqualified: Record<string, { reason: string }> = {}): Ranking {
  const presented = presentRankResult(rankUnits({ ...loaded, figures, disqualified }), loaded.policy);
  return {
    policyId: loaded.policy.policyId,
    ...presented,
    rows: presented.rows.map((r) => ({ ...r, previousRank: null })),
    revision: 7,
    previousRevision: null,
    final: false,
    revisedAfterFinalization: false,
    updatedAt: null,
  };
}

function evaluate(scenario: Policy, figures: Record<string, UnitFigures>, disqualified: Record<string, { reason: string }> = {}) {
  return evaluateScenario({
    base: q3,
    baseRanking: stored(q3, figures, disqualified),
    scenario,
    figures,
    disqualified,
    applications: [],
    blacklist: new Set(),
    budgetInForceWan: null,
  });
}

/** SPEC §4 worked example for 城中区, as of September (序时进度 100%); the others on target. */
const figures: Record<string, UnitFigures> = Object.fromEntries(
  q3.policy.units.map((u, i) => [
    u,
    {
      targets: { output: '60000', investment: '10000' },
      actuals: { 9: i === 0 ? { output: '61200', investment: '9000' } : { output: String(60000 + i * 300), investment: '10000' } },
    },
  ]),
);

describe('a scenario document', () => {
  it('is the policy document itself when nothing is changed', () => {
    const parsed = parseScenarioPolicy(doc(), q3);
    expect(parsed).toEqual({ ok: true, policy: q3.policy });
  });

  it('is refused with the path and reason of every problem, not just the first', () => {
    const bad = doc() as unknown as { countyAward: { indicators: Record<string, unknown>[]; awards: { tiersWan: unknown[] } }; budget: { totalWan: unknown } };
    bad.countyAward.indicators[0]!.bonusPerPoint = 'abc';
    bad.countyAward.indicators[1]!.bonusCap = -1;
    bad.countyAward.awards.tiersWan[2] = '三百五十';
    bad.budget.totalWan = 12.5;
    const parsed = parseScenarioPolicy(bad, q3);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toEqual([
      'countyAward.indicators.0.bonusPerPoint',
      'countyAward.indicators.1.bonusCap',
      'countyAward.awards.tiersWan.2',
      'budget.totalWan',
    ]);
    expect(parsed.issues[1]!.message).toBe('bonusCap cannot be negative');
  });

  it('must name units of the base policy\'s registry, each once, and keep its months and registry', () => {
    const bad = doc();
    bad.units = [...bad.units, '110101', '450202'];
    bad.period.months = [7, 8];
    bad.registry = 'beijing';
    const parsed = parseScenarioPolicy(bad, q3);
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { path: 'units.12', message: 'unit "110101" is not in registry liuzhou' },
      { path: 'units.13', message: 'unit "450202" appears twice' },
      { path: 'registry', message: 'names "beijing" but the registry file is "liuzhou"' },
      { path: 'period.months', message: 'a scenario is ranked on the figures of liuzhou-2026-q3, stored for months 7, 8, 9: keep those months' },
    ]);
  });

  it('may carry any valid policyId (the draft it would become): the figures are the base\'s', () => {
    const draft = { ...doc(), policyId: 'liuzhou-2026-q3-draft-b' };
    expect(parseScenarioPolicy(draft, q3).ok).toBe(true);
  });
});

describe('settingChanges', () => {
  it('lists each changed leaf by its path; 0.5 and "0.50" are the same setting', () => {
    const after = doc();
    after.countyAward.indicators[0] = { ...after.countyAward.indicators[0]!, bonusPerPoint: '0.50' } as Policy['countyAward']['indicators'][number];
    expect(settingChanges(q3.policy, after)).toEqual([]);
    (after.countyAward.indicators[1] as { bonusPerPoint: number | string }).bonusPerPoint = 1;
    after.countyAward.awards.condition = { kind: 'minScore', score: 104 };
    expect(settingChanges(q3.policy, after)).toEqual([
      { path: 'countyAward.indicators.1.bonusPerPoint', before: 0.5, after: 1 },
      { path: 'countyAward.awards.condition', before: null, after: { kind: 'minScore', score: 104 } },
    ]);
  });

  it('shows a list whose length changed as the whole list', () => {
    const after = doc();
    after.countyAward.awards.tiersWan = [800, 500, 350, 200];
    expect(settingChanges(q3.policy, after)).toEqual([
      { path: 'countyAward.awards.tiersWan', before: [800, 500, 350, 200, 150], after: [800, 500, 350, 200] },
    ]);
  });
});

describe('evaluateScenario', () => {
  it('SPEC §4 example under a bonus of 1 per point: 城中区 52 + 45 = 97.00 instead of 96.00', () => {
    const scenario = doc();
    for (const ind of scenario.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = 1;
    const r = evaluate(scenario, figures);
    const before = r.base.rows.find((x) => x.unitId === '450202')!;
    const after = r.scenario.rows.find((x) => x.unitId === '450202')!;
    expect([before.score, before.indicators.output!.points, after.score, after.indicators.output!.points]).toEqual([96, 51, 97, 52]);
    // every unit over 100% of its output target gains; ranks stay (城中 is last either way)
    expect(r.changes.find((c) => c.unitId === '450202')).toEqual({
      unitId: '450202', unitName: '城中区', rankBefore: 12, rankAfter: 12, scoreBefore: 96, scoreAfter: 97, awardBefore: 0, awardAfter: 0,
    });
    expect(r.settings.map((s) => s.path)).toEqual(['countyAward.indicators.0.bonusPerPoint', 'countyAward.indicators.1.bonusPerPoint']);
  });

  it('a unit left out of the scenario is a change: unranked and unpaid after', () => {
    const scenario = doc();
    scenario.units = scenario.units.filter((u) => u !== '450226'); // 三江 at 104.5% of its output: 3rd, 350 万元
    const r = evaluate(scenario, figures);
    const sanjiang = r.changes.find((c) => c.unitId === '450226');
    expect(sanjiang).toMatchObject({ rankBefore: 3, rankAfter: null, scoreAfter: null, awardBefore: 350, awardAfter: 0 });
    expect(r.changes.at(-1)!.unitId).toBe('450226'); // listed after the scenario's own rows
  });

  it('the budget of a scenario is the one in force unless the scenario changes the field', () => {
    expect(scenarioBudgetWan({ budget: { ...q3.policy.budget, totalWan: null } }, { budget: { ...q3.policy.budget, totalWan: null } }, 3000)).toBe(3000);
    expect(scenarioBudgetWan({ budget: { ...q3.policy.budget, totalWan: null } }, { budget: { ...q3.policy.budget, totalWan: 2500 } }, 3000)).toBe(2500);
  });
});

// Rates from a small set so that ties are common; one unit in five lacks data.
const figureArb = fc.record({
  out: fc.constantFrom('9000', '10000', '10200', '11000', '12000', '8000', '10049.5'),
  inv: fc.constantFrom('900', '1000', '1100', '950', '1200'),
  month: fc.constantFrom(7, 8, 9),
  missing: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});
const figuresArb = fc.array(figureArb, { minLength: 12, maxLength: 12 }).map((fs) =>
  Object.fromEntries(
    fs.map((f, i): [string, UnitFigures] => [
      q3.policy.units[i]!,
      { targets: { output: '10000', investment: '1000' }, actuals: f.missing ? {} : { [f.month]: { output: f.out, investment: f.inv } } },
    ]),
  ),
);
const disqArb = fc.subarray([...q3.policy.units], { maxLength: 2 }).map((ids) => Object.fromEntries(ids.map((u) => [u, { reason: '一票否决' }])));

describe('evaluating the unchanged policy', () => {
  it('changes nothing: changes [], the scenario ranking is the base ranking, the money is the same', () => {
    fc.assert(
      fc.property(figuresArb, disqArb, (f, disqualified) => {
        const r = evaluate(doc(), f, disqualified);
        expect(r.changes).toEqual([]);
        expect(r.settings).toEqual([]);
        expect(r.scenario).toEqual(r.base);
        expect(r.totals.after).toEqual(r.totals.before);
      }),
    );
  });

  it('any change of ranks shows in changes, and only those units', () => {
    const scenario = doc();
    scenario.countyAward.tieBreakers = ['investment', 'output'];
    (scenario.countyAward.indicators[1] as { basePoints: number }).basePoints = 60;
    fc.assert(
      fc.property(figuresArb, (f) => {
        const r = evaluate(scenario, f);
        const expected = rankingChanges(r.base, r.scenario).map((c) => c.unitId);
        const differs = r.scenario.rows.filter((row) => {
          const b = r.base.rows.find((x) => x.unitId === row.unitId)!;
          return b.rank !== row.rank || b.score !== row.score || b.award !== row.award;
        });
        expect(r.changes.map((c) => c.unitId)).toEqual(expected);
        expect(expected).toEqual(differs.map((x) => x.unitId));
      }),
    );
  });
});
