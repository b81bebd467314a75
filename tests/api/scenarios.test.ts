import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy, Ranking, ScenarioEvaluation } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

/**
 * POST /api/policies/:policyId/scenarios/evaluate (SPEC §14) on the demo figures, every number
 * worked by hand from the September rates of the Q3 ranking (README of data/demo, q4Policy.test.ts):
 *
 *   unit    output rate → points (bonus 0.5)   investment rate → points   score    rank  award
 *   柳东     112.4% → 56.2                      108.6% → 54.3             110.50   1     800
 *   鹿寨     109.0% → 54.5                      110.2% → 55.1             109.60   2     500
 *   柳江     106.3% → 53.15                     104.5% → 52.25            105.40   3     350
 *   阳和     103.2% → 51.6                      105.8% → 52.9             104.50   4     200
 *   柳南     101.5% → 50.75                     103.0% → 51.5             102.25   5     150
 *   融安     104.0% → 52                         97.2% → 48.6             100.60   6
 *   柳北      99.1% → 49.55                     100.8% → 50.4              99.95   7
 *   城中      97.0% → 48.5                      100.0% → 50                98.50   8 (output rate breaks the tie)
 *   三江      96.0% → 48                        101.0% → 50.5              98.50   9
 *   鱼峰 95.80 · 柳城 93.25 · 融水 87.25: every rate under 100%, no bonus to change.
 *
 * (鹿寨's output rate is 792,212.5 ÷ 726,800.5 = 108.99999…%, shown as 109.00.)
 */
const P = `/api/policies/${POLICY_ID}`;
const Q4 = '/api/policies/liuzhou-2026-q4';
let t: TestApp;
let leader: { cookie: string };
let q3: Policy;
let q4: Policy;

beforeAll(async () => {
  t = await buildTestApp({ demoData: true });
  leader = await t.login('leader');
  q3 = (await t.app.inject({ url: P, headers: leader })).json<Policy>();
  q4 = (await t.app.inject({ url: Q4, headers: leader })).json<Policy>();
});
afterAll(async () => t.close());

async function evaluate(policy: unknown, url = P, extra: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: `${url}/scenarios/evaluate`, headers: leader, payload: { policy, ...extra } });
}
async function evaluated(policy: unknown, url = P, extra: Record<string, unknown> = {}): Promise<ScenarioEvaluation> {
  const res = await evaluate(policy, url, extra);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ScenarioEvaluation>();
}
const copy = <T>(x: T): T => structuredClone(x);

describe('evaluate: the stored figures under a changed rule', () => {
  it('the unchanged policy: changes [], and both rankings are exactly GET …/ranking', async () => {
    const r = await evaluated(q3);
    const ranking = (await t.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>();
    expect(r.changes).toEqual([]);
    expect(r.settings).toEqual([]);
    expect(r.base).toEqual(ranking);
    // a scenario has no history and is never final: only those fields differ
    expect(r.scenario).toEqual({ ...ranking, previousRevision: null, rows: ranking.rows.map((row) => ({ ...row, previousRank: null })) });
    expect(r.totals.after).toEqual(r.totals.before);
    expect(r.totals.before).toMatchObject({ countyWan: 2000, totalWan: null, scaled: false });
  });

  it('bonus 1 per point instead of 0.5: 鹿寨 119.00 overtakes 柳东 118.60 and the 800 and 500 万元 swap', async () => {
    const scenario = copy(q3);
    for (const ind of scenario.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = 1;
    const r = await evaluated(scenario);
    expect(r.scenario.rows.map((x) => [x.rank, x.unitName, x.score, x.award])).toEqual([
      [1, '鹿寨县', 119, 800], // 50 + 8.99999… = 58.99999… and 50 + min(10.2, 10) = 60 → 118.99999… → 119.00
      [2, '柳东新区', 118.6, 500], // 50 + min(12.4, 10) = 60 and 50 + 8.6 = 58.6
      [3, '柳江区', 110.8, 350], // 56.3 + 54.5
      [4, '阳和工业新区（北部生态新区）', 109, 200], // 53.2 + 55.8
      [5, '柳南区', 104.5, 150], // 51.5 + 53
      [6, '融安县', 102.6, 0], // 54 + 48.6
      [7, '柳北区', 100.35, 0], // 49.55 + 50.8
      [8, '三江侗族自治县', 99, 0], // 48 + 51: passes 城中 (98.50)
      [9, '城中区', 98.5, 0],
      [10, '鱼峰区', 95.8, 0],
      [11, '柳城县', 93.25, 0],
      [12, '融水苗族自治县', 87.25, 0],
    ]);
    expect(r.changes.map((c) => [c.unitName, c.rankBefore, c.rankAfter, c.scoreBefore, c.scoreAfter, c.awardBefore, c.awardAfter])).toEqual([
      ['鹿寨县', 2, 1, 109.6, 119, 500, 800],
      ['柳东新区', 1, 2, 110.5, 118.6, 800, 500],
      ['柳江区', 3, 3, 105.4, 110.8, 350, 350],
      ['阳和工业新区（北部生态新区）', 4, 4, 104.5, 109, 200, 200],
      ['柳南区', 5, 5, 102.25, 104.5, 150, 150],
      ['融安县', 6, 6, 100.6, 102.6, 0, 0],
      ['柳北区', 7, 7, 99.95, 100.35, 0, 0],
      ['三江侗族自治县', 9, 8, 98.5, 99, 0, 0],
      ['城中区', 8, 9, 98.5, 98.5, 0, 0], // same score, one place lower
    ]);
    expect(r.scenario.rows[0]!.indicators.investment).toMatchObject({ completionRate: 110.2, points: 60 });
    expect(r.totals.after.countyWan).toBe(2000);
    expect(r.settings).toEqual([
      { path: 'countyAward.indicators.0.bonusPerPoint', before: 0.5, after: 1 },
      { path: 'countyAward.indicators.1.bonusPerPoint', before: 0.5, after: 1 },
    ]);
  });

  it('only units of 104 points or more paid: 柳南 (102.25) keeps 5th place, the 150 万元 tier is not paid', async () => {
    const scenario = copy(q3);
    scenario.countyAward.awards.condition = { kind: 'minScore', score: 104 };
    const r = await evaluated(scenario);
    expect(r.changes).toEqual([
      { unitId: '450204', unitName: '柳南区', rankBefore: 5, rankAfter: 5, scoreBefore: 102.25, scoreAfter: 102.25, awardBefore: 150, awardAfter: 0 },
    ]);
    expect(r.scenario.rows.find((x) => x.unitId === '450204')!.unpaid).toBe('below_min_score');
    // nobody below 柳南 reaches 104 either, so the place passing down pays nobody: 2,000 → 1,850
    expect([r.totals.before.countyWan, r.totals.after.countyWan]).toEqual([2000, 1850]);
    expect(r.totals.after.subsidiesWan).toBe(r.totals.before.subsidiesWan);
  });

  it('Q4 without its 100-point line: 阳和 (92.00, 6th) is paid the sixth tier, 100 万元', async () => {
    const scenario = copy(q4);
    scenario.countyAward.awards.condition = null;
    const r = await evaluated(scenario, Q4);
    expect(r.month).toBe(11);
    expect(r.changes.map((c) => [c.unitName, c.rankAfter, c.awardBefore, c.awardAfter])).toEqual([['阳和工业新区（北部生态新区）', 6, 0, 100]]);
    expect([r.totals.before.countyWan, r.totals.after.countyWan]).toEqual([1650, 1750]);
  });

  it('ranks the month asked for, the same month on both sides', async () => {
    const scenario = copy(q4);
    scenario.countyAward.tieBreakers = ['investment', 'output', 'newfirms'];
    const r = await evaluated(scenario, Q4, { month: 10 });
    expect([r.month, r.base.month, r.scenario.month, r.scenario.timeProgress]).toEqual([10, 10, 10, 33.3]);
    expect(r.base.rows[0]!.unitName).toBe('柳江区'); // October, as q4Policy.test.ts
  });

  it('pays the scenario from its own budget when it sets one: 2,100 万元 scales the grants', async () => {
    const scenario = copy(q3);
    scenario.budget.totalWan = 2100;
    const r = await evaluated(scenario);
    expect(r.changes).toEqual([]); // the county places do not move
    expect(r.totals.before).toMatchObject({ totalWan: null, scaled: false, factor: 1 });
    const computed = r.totals.after.subsidiesComputedWan;
    expect(computed).toBeGreaterThan(100);
    expect(r.totals.after).toMatchObject({ totalWan: 2100, countyWan: 2000, scaled: true, paidWan: 2000 + r.totals.after.subsidiesWan });
    expect(r.totals.after.subsidiesWan).toBeLessThanOrEqual(100);
    expect(r.totals.after.factor).toBe(Math.floor((100 / computed) * 1e6) / 1e6);
  });

  it('a subsidy cap per event instead of per enterprise changes the grants, not the county places', async () => {
    const scenario = copy(q3);
    for (const k of scenario.subsidies.kinds) k.capScope = 'perEvent';
    const r = await evaluated(scenario);
    expect(r.changes).toEqual([]);
    expect(r.totals.after.subsidiesComputedWan).toBeGreaterThanOrEqual(r.totals.before.subsidiesComputedWan);
  });
});

describe('evaluate: bad input is a clear 4xx, nothing is stored, the server stays up', () => {
  const revision = async () => (await t.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>().revision;

  it('an invalid document is 422 with the path and reason of each problem', async () => {
    const before = await revision();
    // what a form sends when a person types words into number fields
    const bad = copy(q3) as unknown as {
      countyAward: { indicators: Record<string, unknown>[]; awards: { tiersWan: unknown[] } };
      budget: { totalWan: unknown };
    };
    bad.countyAward.indicators[0]!.bonusPerPoint = 'abc';
    bad.countyAward.indicators[1]!.basePoints = -5;
    bad.countyAward.awards.tiersWan[4] = '一百五十';
    bad.budget.totalWan = 'unlimited';
    const res = await evaluate(bad);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; message: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe('invalid_policy');
    expect(body.message).toMatch(/^方案设置有 4 处问题，未作计算/);
    expect(body.details.map((d) => d.path)).toEqual([
      'countyAward.indicators.0.bonusPerPoint',
      'countyAward.indicators.1.basePoints',
      'countyAward.awards.tiersWan.4',
      'budget.totalWan',
    ]);
    expect(body.details[0]!.message).toBe('expected a decimal number such as "0.5"');
    expect(body.details[1]!.message).toBe('basePoints must be above 0');
    expect(body.details[2]!.message).toBe('无效输入：期望 数字，实际接收 string');
    expect(await revision()).toBe(before);
  });

  it('unknown unit ids are 422 naming units.N, with the other references that do not hold', async () => {
    const bad = copy(q3);
    bad.units = [...bad.units, '110101', 'nope'];
    bad.countyAward.tieBreakers = ['output', 'newfirms'];
    const res = await evaluate(bad);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ details: unknown[] }>().details).toEqual([
      { path: 'countyAward.tieBreakers.1', message: '"newfirms" is not an indicator of this policy (output, investment)' },
      { path: 'units.12', message: 'unit "110101" is not in registry liuzhou' },
      { path: 'units.13', message: 'unit "nope" is not in registry liuzhou' },
    ]);
  });

  it('non-numeric request fields are 400 with the field named; a month outside the period is 400', async () => {
    const month = await evaluate(q3, P, { month: '八月' });
    expect(month.statusCode).toBe(400);
    expect(month.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'month' }] });
    const notObject = await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate`, headers: leader, payload: { policy: 'liuzhou' } });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'policy' }] });
    const outside = await evaluate(q3, P, { month: 11 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'invalid_month' });
  });

  it('a 3 MB body is 413 body_too_large in Chinese, and the server answers the next request', async () => {
    const huge = copy(q3) as Policy & { padding?: string };
    huge.notes = [...huge.notes, 'x'.repeat(3 * 1024 * 1024)];
    const res = await evaluate(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'body_too_large', message: expect.stringContaining('请求内容过大') });
    expect((await evaluate(q3)).statusCode).toBe(200);
  });

  it('an unknown policy is 404; viewers and statisticians are refused; without a session 401', async () => {
    expect((await evaluate(q3, '/api/policies/nope')).statusCode).toBe(404);
    for (const role of ['viewer', 'statistician'] as const) {
      const who = await t.login(role);
      const res = await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate`, headers: who, payload: { policy: q3 } });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate`, payload: { policy: q3 } });
    expect(anonymous.statusCode).toBe(401);
  });
});
