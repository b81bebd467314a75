import { describe, expect, it } from 'vitest';
import { loadPolicy, presentRankResult, rankUnits, type UnitFigures } from '../src';

/**
 * "A new quarter or another city is a new file, not new code" (SPEC §3, §13): a policy written only
 * here — another city, four indicators (one a count scored by rank, one not pro-rated), three tiers,
 * every indicator to be complete to be paid, and unpaid places that lapse — ranks with no code change.
 */
const registry = {
  registryId: 'shili',
  city: '示例市',
  units: [
    { unitId: 'SL-A', name: '甲区', shortName: '甲', nameEn: 'Jia District', kind: 'district', aliases: [] },
    { unitId: 'SL-B', name: '乙区', shortName: '乙', nameEn: 'Yi District', kind: 'district', aliases: [] },
    { unitId: 'SL-C', name: '丙县', shortName: '丙', nameEn: 'Bing County', kind: 'county', aliases: [] },
    { unitId: 'SL-D', name: '丁县', shortName: '丁', nameEn: 'Ding County', kind: 'county', aliases: [] },
    { unitId: 'SL-E', name: '戊新区', shortName: '戊', nameEn: 'Wu New Area', kind: 'new_district', aliases: [] },
  ],
  industries: [{ industryId: 'steel', name: '钢铁产业', shortName: '钢铁', nameEn: 'Steel', aliases: [] }],
};

const clause = '示例';
const policyJson = {
  policyId: 'shili-2027-q2',
  title: '示例市2027年二季度工业考核办法',
  titleEn: 'Example City industrial assessment, Q2 2027',
  document: '测试用示例文件',
  city: '示例市',
  registry: 'shili',
  status: 'draft',
  example: true,
  period: { year: 2027, label: '2027年二季度', labelEn: 'Q2 2027', start: '2027-04-01', end: '2027-06-30', months: [4, 5, 6], clause },
  validUntil: '2027-06-30',
  units: ['SL-A', 'SL-B', 'SL-C', 'SL-D', 'SL-E'],
  countyAward: {
    clause,
    indicators: [
      { indicatorId: 'output', name: '规上工业总产值', nameEn: 'Output', shortName: '产值', measure: 'wan', basePoints: 30, prorate: true, synonyms: [], scoring: 'completion', bonusPerPoint: 1, bonusCap: 6, floorPct: 50 },
      { indicatorId: 'investment', name: '工业投资', nameEn: 'Investment', shortName: '投资', measure: 'wan', basePoints: 30, prorate: true, synonyms: [], scoring: 'completion', bonusPerPoint: '0.5', bonusCap: 5, floorPct: 0 },
      { indicatorId: 'newfirms', name: '新增规上工业企业数', nameEn: 'New firms', shortName: '新增企业', measure: 'count', basePoints: 20, prorate: false, synonyms: [], scoring: 'rankPoints', stepPoints: 5, floorPoints: 5 },
      { indicatorId: 'addedvalue', name: '规上工业增加值', nameEn: 'Value added', shortName: '增加值', measure: 'wan', basePoints: 20, prorate: false, synonyms: [], scoring: 'completion', bonusPerPoint: '0.2', bonusCap: 2, floorPct: 80 },
    ],
    score: { decimals: 2, rounding: 'halfUp' },
    tieBreakers: ['addedvalue', 'output'],
    awards: { tiersWan: [300, 200, 100], tieShareRounding: 'floorWan', condition: { kind: 'everyIndicatorComplete' }, unpaidPlace: 'lapses' },
  },
  industries: { clause, indicator: '增速', windowFromMonth: 1, windowToMonth: 6, targets: [{ industryId: 'steel', target: null, clause, text: '无' }] },
  subsidies: { clause, claimWindow: { from: '2027-01-01', to: '2027-06-30' }, requiredDeclarations: [], rounding: 'floorWan', kinds: [], notes: [] },
  budget: { totalWan: 1000, overBudget: 'scaleSubsidies', clause },
  notes: [],
};

const files = { policyFile: 'test/shili-2027-q2.json', registryFile: 'test/shili.json' };
const loaded = loadPolicy(policyJson, registry, files);

/** Every target 1,000 / 100 / 4 / 200, as of June (序时进度 100%). */
const unit = (output: string, investment: string, newfirms: string, addedvalue: string): UnitFigures => ({
  targets: { output: '1000', investment: '100', newfirms: '4', addedvalue: '200' },
  actuals: { 6: { output, investment, newfirms, addedvalue } },
});
const figures = {
  'SL-A': unit('1030', '110', '5', '210'), // 33 + 35 + 15 + 21 = 104
  'SL-B': unit('1050', '104', '4', '200'), // 35 + 32 + 10 + 20 = 97
  'SL-C': unit('980', '120', '6', '230'), // 29.4 + 35 + 20 + 22 = 106.4, output 98%: not complete
  'SL-D': unit('1000', '100', '3', '150'), // 30 + 30 + 5 + 0 (75% < the 80% floor) = 65
  'SL-E': unit('400', '90', '2', '190'), // 0 (40% < 50%) + 27 + 5 (floor) + 19 = 51
};

function rank(policy = loaded.policy) {
  return presentRankResult(rankUnits({ policy, registry: loaded.registry, figures, disqualified: {} }), policy);
}

describe('a third policy, written only in this test', () => {
  it('loads: four indicators, three tiers, lapsing places', () => {
    expect(loaded.policy.countyAward.indicators.map((i) => [i.indicatorId, i.scoring])).toEqual([
      ['output', 'completion'], ['investment', 'completion'], ['newfirms', 'rankPoints'], ['addedvalue', 'completion'],
    ]);
  });

  it('scores each indicator by its own rule, exactly as worked by hand', () => {
    const r = rank();
    const byUnit = Object.fromEntries(r.rows.map((x) => [x.unitId, x]));
    expect(byUnit['SL-C']!.indicators).toMatchObject({
      output: { completionRate: 98, points: 29.4 }, // 30 × 98%
      investment: { completionRate: 120, points: 35 }, // 30 + min(20 × 0.5, 5)
      newfirms: { completionRate: 150, place: 1, points: 20 }, // first place: all 20
      addedvalue: { completionRate: 115, points: 22 }, // 20 + min(15 × 0.2, 2)
    });
    expect(byUnit['SL-D']!.indicators.addedvalue).toMatchObject({ completionRate: 75, points: 0 }); // under its 80% floor
    expect(byUnit['SL-E']!.indicators.output).toMatchObject({ completionRate: 40, points: 0 });
    expect(byUnit['SL-E']!.indicators.newfirms).toMatchObject({ place: 5, points: 5 }); // 20 − 4 × 5 = 0 → the floor, 5
    expect(r.rows.map((x) => [x.rank, x.unitId, x.score])).toEqual([
      [1, 'SL-C', 106.4], [2, 'SL-A', 104], [3, 'SL-B', 97], [4, 'SL-D', 65], [5, 'SL-E', 51],
    ]);
  });

  it('pays only units complete on every indicator; the first tier lapses with 丙县 (output 98%)', () => {
    const r = rank();
    expect(r.rows.map((x) => [x.unitId, x.award, x.unpaid])).toEqual([
      ['SL-C', 0, 'indicator_incomplete'], ['SL-A', 200, null], ['SL-B', 100, null], ['SL-D', 0, 'indicator_incomplete'], ['SL-E', 0, 'indicator_incomplete'],
    ]);
  });

  it('with unpaidPlace "passesDown" instead, the same places go to the next paid units: 300 and 200', () => {
    const policy = structuredClone(loaded.policy);
    policy.countyAward.awards.unpaidPlace = 'passesDown';
    expect(rank(policy).rows.map((x) => [x.unitId, x.rank, x.award])).toEqual([
      ['SL-C', 1, 0], ['SL-A', 2, 300], ['SL-B', 3, 200], ['SL-D', 4, 0], ['SL-E', 5, 0],
    ]);
  });
});

describe('policy settings out of range stop the file with its path and reason', () => {
  const broken = (change: (p: typeof policyJson) => void) => {
    const p = structuredClone(policyJson) as typeof policyJson;
    change(p);
    return () => loadPolicy(p, registry, files);
  };
  it.each([
    ['a negative bonus', (p: typeof policyJson) => void (p.countyAward.indicators[1]!.bonusPerPoint = '-0.5'), /countyAward\.indicators\.1\.bonusPerPoint: bonusPerPoint cannot be negative/],
    ['a floor above 100%', (p: typeof policyJson) => void (p.countyAward.indicators[0]!.floorPct = 120), /countyAward\.indicators\.0\.floorPct: floorPct must be between 0 and 100/],
    ['a tie-breaker that is not an indicator', (p: typeof policyJson) => void (p.countyAward.tieBreakers = ['tax']), /countyAward\.tieBreakers\.0: "tax" is not an indicator/],
    ['an indicator twice', (p: typeof policyJson) => void (p.countyAward.indicators[1]!.indicatorId = 'output'), /indicator "output" appears twice/],
    ['months out of order', (p: typeof policyJson) => void (p.period.months = [4, 6, 5]), /period\.months\.2: months must be in order/],
    ['months outside the period', (p: typeof policyJson) => void (p.period.months = [4, 5, 7]), /period\.months: the months must lie between/],
    ['a rank floor above the base', (p: typeof policyJson) => void Object.assign(p.countyAward.indicators[2]!, { floorPoints: 25 }), /floorPoints cannot exceed basePoints/],
    ['an unknown scoring method', (p: typeof policyJson) => void Object.assign(p.countyAward.indicators[0]!, { scoring: 'average' }), /countyAward\.indicators\.0\.scoring/],
    ['a rate of 150%', (p: typeof policyJson) => void (p.subsidies.kinds = [{ kind: 'expo', name: '展会', nameEn: 'Expo', shortName: '展会', aliases: [], ratePct: 150, capWan: 10, capScope: 'perEvent', requiresAboveSize: true, clause }] as never), /subsidies\.kinds\.0\.ratePct: ratePct must be above 0 and at most 100/],
  ])('%s', (_what, change, message) => {
    expect(broken(change)).toThrow(message);
  });
});
