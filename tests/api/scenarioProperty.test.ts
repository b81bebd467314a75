import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy, Ranking, ScenarioEvaluation } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';

/**
 * SPEC §14: evaluating the unchanged policy changes nothing. Over random figures committed through
 * the upload path (rates from a small set, so ties are common) and random 一票否决, the answer is
 * `changes: []`, `scenario` equals `base`, and `base` is exactly what GET …/ranking says.
 */
const P = `/api/policies/${POLICY_ID}`;
let t: TestApp;
let leader: { cookie: string };
let statistician: { cookie: string };
let policy: Policy;
let names: string[];

beforeAll(async () => {
  t = await buildTestApp({ demoData: false });
  leader = await t.login('leader');
  statistician = await t.login('statistician');
  policy = (await t.app.inject({ url: P, headers: leader })).json<Policy>();
  names = ['城中区', '鱼峰区', '柳南区', '柳北区', '柳江区', '柳城县', '鹿寨县', '融安县', '融水县', '三江县', '柳东新区', '阳和新区'];
});
afterAll(async () => t.close());

const unitFigures = fc.record({
  outputTarget: fc.constantFrom('60000', '10000', '1000.5'),
  investmentTarget: fc.constantFrom('10000', '3000'),
  outputPct: fc.constantFrom(80, 95, 100, 102, 104.5, 110, 125),
  investmentPct: fc.constantFrom(55, 90, 100, 103, 120),
});
const figuresArb = fc.record({
  month: fc.constantFrom(7, 8, 9),
  units: fc.array(unitFigures, { minLength: 12, maxLength: 12 }),
  disqualified: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { maxLength: 2 }),
});

let run = 0;
async function commit(kind: 'unit-targets' | 'unit-actuals', rows: string[][]) {
  run += 1;
  const data = rows.map((r) => r.join(',')).join('\n') + '\n';
  const res = await postUpload(t, statistician.cookie, { kind, fileName: `property-${run}.csv`, data, dryRun: false });
  expect(res.statusCode, res.body).toBe(200);
}

describe('evaluating the unchanged policy (property)', () => {
  it('gives changes [] and the exact GET …/ranking numbers, whatever the figures', async () => {
    await fc.assert(
      fc.asyncProperty(figuresArb, async ({ month, units, disqualified }) => {
        await commit('unit-targets', [['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）'], ...units.map((u, i) => [names[i]!, u.outputTarget, u.investmentTarget])]);
        const actual = (target: string, pct: number) => String((Number(target) * pct) / 100);
        await commit('unit-actuals', [
          ['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'],
          ...units.map((u, i) => [names[i]!, String(month), actual(u.outputTarget, u.outputPct), actual(u.investmentTarget, u.investmentPct)]),
        ]);
        for (const [i, unitId] of policy.units.entries()) {
          const url = `${P}/units/${unitId}/disqualification`;
          const res = disqualified.includes(i)
            ? await t.app.inject({ method: 'PUT', url, headers: leader, payload: { reason: '性质测试' } })
            : await t.app.inject({ method: 'DELETE', url, headers: leader });
          expect([200, 404]).toContain(res.statusCode); // 404: clearing a unit that was not disqualified
        }

        const ranking = (await t.app.inject({ url: `${P}/ranking?month=${month}`, headers: leader })).json<Ranking>();
        const res = await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate`, headers: leader, payload: { policy, month } });
        expect(res.statusCode, res.body).toBe(200);
        const r = res.json<ScenarioEvaluation>();
        expect(r.changes).toEqual([]);
        expect(r.base).toEqual(ranking);
        const withoutHistory = (x: Ranking) => ({ ...x, previousRevision: null, final: false, rows: x.rows.map((row) => ({ ...row, previousRank: null })) });
        expect(r.scenario).toEqual(withoutHistory(ranking));
        expect(r.totals.after).toEqual(r.totals.before);
      }),
      { numRuns: 15 },
    );
  });
});
