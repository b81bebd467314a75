import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Awards, Policy, Ranking } from '@scoreboard/shared';
import { policiesSchema } from '@scoreboard/shared';
import { buildTestApp, type TestApp } from '../helpers/app';

/**
 * The example Q4 draft (data/policies/liuzhou-2026-q4.json) on its demo data, loaded through the
 * upload path. Every number below is worked by hand in data/demo/liuzhou-2026-q4/README.md:
 * November, 序时进度 2/3 for 产值 and 投资 (pro-rated), none for 新增规上工业企业数 (a count scored
 * by rank: 20 for the first, 2 less a place, never below 6); 40 + 40 + 20 points; six tiers
 * 600/400/300/200/150/100 万元, paid only at 100 points or more, unpaid places passing down.
 */
const Q4 = '/api/policies/liuzhou-2026-q4';
let t: TestApp;
let viewer: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp({ demoData: true });
  viewer = await t.login('viewer');
});
afterAll(async () => t.close());

const get = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ url, headers: viewer });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('the example Q4 policy', () => {
  it('is served whole, labelled an example draft, with three indicators and six tiers', async () => {
    const policy = await get<Policy>(Q4);
    expect(policy).toMatchObject({ status: 'draft', example: true, period: { label: '2026年四季度', months: [10, 11, 12] } });
    expect(policy.countyAward.indicators.map((i) => [i.indicatorId, i.measure, i.basePoints, i.scoring, i.prorate])).toEqual([
      ['output', 'wan', 40, 'completion', true], ['investment', 'wan', 40, 'completion', true], ['newfirms', 'count', 20, 'rankPoints', false],
    ]);
    expect(policy.countyAward.awards).toMatchObject({ tiersWan: [600, 400, 300, 200, 150, 100], condition: { kind: 'minScore', score: 100 } });
  });

  it('ranks November by hand-worked scores: a tie at 4th, 阳和 6th under 100 points and unpaid', async () => {
    const r = await get<Ranking>(`${Q4}/ranking`);
    expect(r).toMatchObject({ month: 11, timeProgress: 66.7, waiting: 0 });
    expect(r.rows.map((x) => [x.rank, x.unitName, x.score, x.tied, x.award, x.unpaid])).toEqual([
      [1, '柳东新区', 108, false, 600, null], // 45 + 43 + 20
      [2, '柳江区', 106, false, 400, null], // 44 + 44 + 18
      [3, '鹿寨县', 101, false, 300, null], // 43 + 42 + 16
      [4, '柳南区', 100, true, 175, null], // 43 + 43 + 14 — equal on every rate with 融安: (200 + 150) ÷ 2
      [4, '融安县', 100, true, 175, null],
      [6, '阳和工业新区（北部生态新区）', 92, false, 0, 'below_min_score'], // 42 + 40 + 10: top six, not paid
      [7, '柳北区', 87.2, false, 0, 'below_min_score'],
      [8, '城中区', 84.4, false, 0, 'below_min_score'],
      [9, '鱼峰区', 82.4, false, 0, 'below_min_score'],
      [10, '三江侗族自治县', 78.8, false, 0, 'below_min_score'],
      [11, '柳城县', 75.2, false, 0, 'below_min_score'],
      [12, '融水苗族自治县', 34, false, 0, 'below_min_score'],
    ]);
    // the sixth tier (100 万元) passes down, but nobody below 阳和 reaches 100 points: 1,650 of 1,750 paid
    expect(r.rows.reduce((s, x) => s + x.award, 0)).toBe(1650);
  });

  it('shows each indicator as the score used it: pro-rated money, an unprorated count ranked by rate', async () => {
    const r = await get<Ranking>(`${Q4}/ranking`);
    const row = (name: string) => r.rows.find((x) => x.unitName === name)!;
    expect(row('柳东新区').indicators).toMatchObject({
      output: { target: 4200000, proratedTarget: 2800000, actual: 3080000, completionRate: 110, points: 45 },
      investment: { target: 624000, proratedTarget: 416000, actual: 440960, completionRate: 106, points: 43 },
      newfirms: { target: 4, proratedTarget: 4, actual: 6, completionRate: 150, place: 1, points: 20 },
    });
    expect(row('融安县').indicators.newfirms).toMatchObject({ completionRate: 100, place: 4, points: 14 }); // shares 4th with 柳南 (4 of 4)
    expect(row('鱼峰区').indicators.newfirms).toMatchObject({ completionRate: 60, place: 9, points: 6 }); // 20 − 16 = 4 → floor 6
    expect(row('融水苗族自治县').indicators).toMatchObject({
      investment: { completionRate: 55, points: 0 }, // under the 60% floor
      newfirms: { actual: 0, completionRate: 0, place: 12, points: 6 },
    });
  });

  it('October is ranked too, at 序时进度 1/3', async () => {
    const r = await get<Ranking>(`${Q4}/ranking?month=10`);
    expect(r).toMatchObject({ month: 10, timeProgress: 33.3 });
    expect(r.rows[0]).toMatchObject({ rank: 1, unitName: '柳江区' });
  });

  it('the award table and workbook carry 征求意见稿 and 示例, six places and the count column', async () => {
    const a = await get<Awards>(`${Q4}/awards`);
    expect(a).toMatchObject({ draft: true, example: true });
    expect(a.county.filter((x) => x.award > 0)).toHaveLength(5);
    const res = await t.app.inject({ url: `${Q4}/awards.xlsx`, headers: viewer });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const county = wb.getWorksheet('县区奖励')!;
    expect(String(county.getCell('A2').value)).toContain('征求意见稿');
    expect(String(county.getCell('A2').value)).toContain('示例');
    const header = county.getRow(3).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['新增规上工业企业数目标（个）', '新增规上工业企业数考核目标（个）', '规上工业总产值序时目标（万元）']));
    const notes = county.getColumn(header.length - 1).values.map(String);
    expect(notes).toContain('综合评分低于100分，不予奖励');
  });

  it('has its own upload template, with the count column and no period words written in code', async () => {
    const res = await t.app.inject({ url: '/api/templates/unit-targets.xlsx?policyId=liuzhou-2026-q4', headers: viewer });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(headers).toEqual(expect.arrayContaining(['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）', '新增规上工业企业数目标（个）']));
  });
});

describe('the policies side by side (SPEC §13)', () => {
  it('lists both, newest period first; the default is the newest in force (Q3), with each status', async () => {
    const list = policiesSchema.parse(await get('/api/policies'));
    expect(list.defaultPolicyId).toBe('liuzhou-2026-q3');
    expect(list.policies.map((p) => [p.policyId, p.status, p.example, p.periodLabel])).toEqual([
      ['liuzhou-2026-q4', 'draft', true, '2026年四季度'],
      ['liuzhou-2026-q3', 'in_force', false, '2026年三季度'],
    ]);
  });

  it('a change to one policy moves only its own revision', async () => {
    const before = policiesSchema.parse(await get('/api/policies')).policies;
    const leader = await t.login('leader');
    const res = await t.app.inject({ method: 'PUT', url: `${Q4}/units/LZ-BB/disqualification`, headers: leader, payload: { reason: '示例：安全生产一票否决' } });
    expect(res.statusCode).toBe(200);
    const after = policiesSchema.parse(await get('/api/policies')).policies;
    const rev = (list: typeof before, id: string) => list.find((p) => p.policyId === id)!.revision;
    expect(rev(after, 'liuzhou-2026-q4')).toBe(rev(before, 'liuzhou-2026-q4') + 1);
    expect(rev(after, 'liuzhou-2026-q3')).toBe(rev(before, 'liuzhou-2026-q3'));
    await t.app.inject({ method: 'DELETE', url: `${Q4}/units/LZ-BB/disqualification`, headers: leader });
  });
});
