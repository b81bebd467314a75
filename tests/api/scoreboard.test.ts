import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Awards, Industries, Ranking, Subsidies } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

const P = `/api/policies/${POLICY_ID}`;
interface Expected {
  ranking: { month: number; waiting: number; rows: { unitId: string; rank: number | null; score: string | null; award: number }[] }[];
  industries: { industryId: string; status: string }[];
  grants: { applicationIds: string[] }[];
  totals: { countyAwardsWan: number; subsidiesComputedWan: number };
  budgetExample: { totalWan: number; grantedTotalWan: number; grantedWan: number[] };
}
const expected = JSON.parse(readFileSync(new URL(`../../data/demo/${POLICY_ID}/expected.json`, import.meta.url), 'utf8')) as Expected;

// Read-only checks share one demo app; tests that change state build their own below.
let t: TestApp;
let viewer: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp({ demoData: true });
  viewer = await t.login('viewer');
});
afterAll(async () => {
  await t.close();
});

describe('the demo ranking (SPEC.md §4, §11)', () => {
  it('ranks all 12 units as of September, awards 800/500/350/200/150', async () => {
    const res = await t.app.inject({ url: `${P}/ranking`, headers: viewer });
    expect(res.statusCode).toBe(200);
    const ranking = res.json<Ranking>();
    expect(ranking).toMatchObject({ policyId: POLICY_ID, month: 9, timeProgress: 100, waiting: 0, final: false });
    expect(ranking.monthsWithData).toEqual([7, 8, 9]);
    expect(ranking.rows).toHaveLength(12);
    expect(ranking.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(ranking.rows.map((r) => r.award)).toEqual([800, 500, 350, 200, 150, 0, 0, 0, 0, 0, 0, 0]);
    expect(ranking.rows.slice(0, 5).map((r) => r.unitName)).toEqual(['柳东新区', '鹿寨县', '柳江区', '阳和工业新区（北部生态新区）', '柳南区']);
    expect(ranking.rows.some((r) => r.tied)).toBe(false);
    const sept = expected.ranking.find((r) => r.month === 9)!;
    expect(ranking.rows.map((r) => [r.unitId, r.score?.toFixed(2)])).toEqual(sept.rows.map((r) => [r.unitId, r.score]));
    const top = ranking.rows[0]!;
    expect(top.indicators.output?.completionRate).toBe(112.4);
    expect(top.score).toBe(110.5);
    // 城中区 and 三江 both publish 98.50; the output rate split them, and the row says so (SPEC §15)
    const sanjiang = ranking.rows.find((r) => r.unitId === '450226')!;
    expect(sanjiang).toMatchObject({ rank: 9, tied: false, tieBreak: { indicatorId: 'output', aboveUnitId: '450202', decimals: 2, rate: '96.00', aboveRate: '97.00' } });
    expect(ranking.rows.filter((r) => r.tieBreak !== null).map((r) => r.unitId)).toEqual(['450226']);
  });

  it('as of August: 66.7% time progress, 融水 waiting for its investment figure', async () => {
    const ranking = (await t.app.inject({ url: `${P}/ranking?month=8`, headers: viewer })).json<Ranking>();
    expect(ranking).toMatchObject({ month: 8, timeProgress: 66.7, waiting: 1 });
    const rongshui = ranking.rows.find((r) => r.unitId === '450225')!;
    expect(rongshui).toMatchObject({ rank: null, award: 0, score: null });
    expect(rongshui.missing).toContain('investment.actual');
    expect(ranking.rows.at(-1)!.unitId).toBe('450225'); // missing-data units come last
    expect(ranking.rows[0]).toMatchObject({ unitName: '鹿寨县', score: 112.82, award: 800 });
  });

  it('industries: each status as the demo data was designed', async () => {
    const res = await t.app.inject({ url: `${P}/industries`, headers: viewer });
    expect(res.statusCode).toBe(200);
    const rows = res.json<Industries>().rows;
    expect(rows.map((r) => [r.industryId, r.status])).toEqual(expected.industries.map((i) => [i.industryId, i.status]));
    const chem = rows.find((r) => r.industryId === 'green-chem')!;
    expect(chem.latest).toEqual({ month: 9, growth: 3.99 });
    expect(chem.series.at(-1)!.computed).toBe(true);
    expect(rows.find((r) => r.industryId === 'ai-robotics')!.target).toEqual({ kind: 'growthAtLeast', pct: 30 });
  });

  it('subsidies: 237,000.00 yuan at one exhibition → 10 万元; 137 万元 computed in all', async () => {
    const s = (await t.app.inject({ url: `${P}/subsidies`, headers: viewer })).json<Subsidies>();
    expect(s.totals).toEqual({ computedWan: expected.totals.subsidiesComputedWan, grantedWan: expected.totals.subsidiesComputedWan });
    expect(s.factor).toBe(1);
    expect(s.grants.find((g) => g.applicationIds.includes('SQ2026-001'))).toMatchObject({ eligibleCostYuan: '237000.00', computedWan: 10, grantedWan: 10 });
    expect(s.grants.find((g) => g.applicationIds.includes('SQ2026-003'))).toMatchObject({ eligibleCostYuan: '19999.99', computedWan: 0 });
    const blacklisted = s.applications.filter((a) => a.reasons.includes('joint_punishment'));
    expect(blacklisted.length).toBeGreaterThan(0);
    expect(blacklisted.every((a) => !a.eligible)).toBe(true);
  });

  it('subsidies: gzipped for a browser (it is kept so), the same JSON for a client without gzip', async () => {
    const browser = await t.app.inject({ url: `${P}/subsidies`, headers: { ...viewer, 'accept-encoding': 'gzip, deflate, br' } });
    expect(browser.headers['content-encoding']).toBe('gzip');
    expect(browser.headers.vary).toBe('accept-encoding');
    const plain = await t.app.inject({ url: `${P}/subsidies`, headers: { ...viewer, 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(browser.rawPayload).toString('utf8')).toBe(plain.body);
    expect(plain.json<Subsidies>().totals.computedWan).toBe(expected.totals.subsidiesComputedWan);
  });

  it('awards: county 2,000 万元 plus grants; no budget set yet', async () => {
    const a = (await t.app.inject({ url: `${P}/awards`, headers: viewer })).json<Awards>();
    expect(a).toMatchObject({ policyId: POLICY_ID, draft: false, example: false, final: false, month: 9 });
    expect(a.budget).toMatchObject({ totalWan: null, countyWan: 2000, subsidiesWan: 137, paidWan: 2137, remainingWan: null, factor: 1, scaled: false });
  });
});

describe('changes to the award table', () => {
  it('a budget of 2,100 万元 scales the grants down: 100 万元 available of 137 computed', async () => {
    const own = await buildTestApp({ demoData: true });
    try {
      const admin = await own.login('admin');
      const put = await own.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: expected.budgetExample.totalWan } });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ totalWan: 2100, countyWan: 2000, subsidiesWan: 86, paidWan: 2086, remainingWan: 14, scaled: true });
      const s = (await own.app.inject({ url: `${P}/subsidies`, headers: admin })).json<Subsidies>();
      // expected.json lists the grants in its own order; match them by their applications
      const want = Object.fromEntries(expected.grants.map((g, i) => [g.applicationIds.join(), expected.budgetExample.grantedWan[i]]));
      expect(Object.fromEntries(s.grants.map((g) => [g.applicationIds.join(), g.grantedWan]))).toEqual(want);
      // exact: 100/137, shown as 0.7299 (4 places, half-up) and 0.729927 as the API number
      expect(s).toMatchObject({ factor: 0.729927, factorFraction: '100/137', factorText: '0.7299' });
      expect(put.json()).toMatchObject({ factor: 0.729927, factorFraction: '100/137', factorText: '0.7299', overBudget: false, shortfallWan: null });
      // null: back to the policy file's budget (none)
      const clear = await own.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: null } });
      expect(clear.json()).toMatchObject({ totalWan: null, subsidiesWan: 137 });
    } finally {
      await own.close();
    }
  });

  it('一票否决: the unit keeps its score, its place and award pass down; lifting it restores them', async () => {
    const own = await buildTestApp({ demoData: true });
    try {
      const leader = await own.login('leader');
      const before = (await own.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>();
      const put = await own.app.inject({ method: 'PUT', url: `${P}/units/LZ-LD/disqualification`, headers: leader, payload: { reason: '发生较大安全生产事故' } });
      expect(put.statusCode).toBe(200);
      const after = (await own.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>();
      expect(after.revision).toBe(before.revision + 1);
      expect(after.rows.slice(0, 5).map((r) => [r.unitName, r.rank, r.award])).toEqual([
        ['鹿寨县', 1, 800], ['柳江区', 2, 500], ['阳和工业新区（北部生态新区）', 3, 350], ['柳南区', 4, 200], ['融安县', 5, 150],
      ]);
      const ld = after.rows.find((r) => r.unitId === 'LZ-LD')!;
      expect(ld).toMatchObject({ rank: null, award: 0, score: 110.5, disqualified: { reason: '发生较大安全生产事故' } });

      const del = await own.app.inject({ method: 'DELETE', url: `${P}/units/LZ-LD/disqualification`, headers: leader });
      expect(del.json()).toMatchObject({ unitId: 'LZ-LD', disqualified: null });
      const restored = (await own.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>();
      expect(restored.rows[0]).toMatchObject({ unitId: 'LZ-LD', rank: 1, award: 800 });
      expect((await own.app.inject({ method: 'DELETE', url: `${P}/units/LZ-LD/disqualification`, headers: leader })).statusCode).toBe(404);
    } finally {
      await own.close();
    }
  });
});
