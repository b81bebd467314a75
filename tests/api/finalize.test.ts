import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awardsSchema, type Awards } from '@scoreboard/shared';
import { buildTestApp, type TestApp } from '../helpers/app';

// The Q4 example has October and November only: its last month, December, is missing for every unit.
const Q4 = '/api/policies/liuzhou-2026-q4';
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp({ demoData: true });
});
afterEach(async () => {
  await t.close();
});

describe('finalize refuses an incomplete period (SPEC §9, issue 11)', () => {
  it('409 period_incomplete names every unit not disqualified and the month it lacks', async () => {
    const leader = await t.login('leader');
    // 一票否决 on 融水: its place passes down whatever its figures say, so it is not waited for
    await t.app.inject({ method: 'PUT', url: `${Q4}/units/450225/disqualification`, headers: leader, payload: { reason: '发生重大安全生产事故' } });
    const res = await t.app.inject({ method: 'POST', url: `${Q4}/finalize`, headers: leader });
    expect(res.statusCode).toBe(409);
    const body = res.json<{ code: string; message: string; details: { path: string; message: string }[]; incomplete: { unitId: string; month: number; missing: string[] }[] }>();
    expect(body.code).toBe('period_incomplete');
    expect(body.message).toContain('11 个单位缺少 12月');
    expect(body.incomplete).toHaveLength(11);
    expect(body.incomplete.map((g) => g.unitId)).not.toContain('450225');
    expect(body.incomplete[0]).toEqual({ unitId: '450202', unitName: '城中区', month: 12, missing: ['output.actual', 'investment.actual', 'newfirms.actual'] });
    expect(body.details[0]).toEqual({ path: '450202', message: '城中区：缺 12月 规上工业总产值完成、工业投资完成、新增规上工业企业数完成' });
    // nothing was frozen
    expect((await t.app.inject({ url: `${Q4}/awards`, headers: leader })).json<Awards>().final).toBe(false);
  });

  it('a leader may override only with a written reason, kept in the snapshot and the audit log', async () => {
    const leader = await t.login('leader');
    const short = await t.app.inject({ method: 'POST', url: `${Q4}/finalize`, headers: leader, payload: { override: { reason: '  ' } } });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'override.reason' }] });

    const reason = '12月数据因系统升级延迟报送，经市政府同意按11月数据定稿';
    const res = await t.app.inject({ method: 'POST', url: `${Q4}/finalize`, headers: leader, payload: { override: { reason } } });
    expect(res.statusCode).toBe(200);
    const frozen = res.json<Awards>();
    expect(frozen).toMatchObject({ final: true, month: 11, finalizedBy: 'leader', incompleteOverride: { reason, by: 'leader' } });
    expect(frozen.incompleteOverride!.gaps).toHaveLength(12);
    expect(frozen.incompleteOverride!.at).toBe(frozen.finalizedAt);
    expect((await t.app.inject({ url: `${Q4}/awards`, headers: leader })).json<Awards>()).toEqual(frozen);

    const admin = await t.login('admin');
    const { entries } = (await t.app.inject({ url: '/api/audit', headers: admin })).json<{ entries: { action: string; target: string; after: { incompleteOverride?: { reason: string; gaps: unknown[] } } }[] }>();
    const entry = entries.find((e) => e.action === 'awards.finalize' && e.target === 'liuzhou-2026-q4')!;
    expect(entry.after.incompleteOverride).toMatchObject({ reason });
    expect(entry.after.incompleteOverride!.gaps[0]).toEqual(['450202', 12, ['output.actual', 'investment.actual', 'newfirms.actual']]);
  });

  it('a complete period finalizes without a reason, and records no override', async () => {
    const leader = await t.login('leader');
    const res = await t.app.inject({ method: 'POST', url: '/api/policies/liuzhou-2026-q3/finalize', headers: leader, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json<Awards>()).toMatchObject({ final: true, month: 9, incompleteOverride: null });
  });

  it('an award snapshot frozen by release 1 still parses: every field added since has a default', () => {
    const row = { rank: 1, unitId: 'LZ-LD', unitName: '柳东新区', score: 110.5, tied: false, award: 800, disqualified: null, missing: [],
      indicators: { output: { target: 4015000, proratedTarget: 4015000, actual: 4512860, completionRate: 112.4, points: 56.2 } } };
    const release1 = {
      policyId: 'liuzhou-2026-q3', title: '促进2026年三季度柳州市工业稳增长的若干措施', draft: false, month: 9, timeProgress: 100, revision: 9,
      final: true, finalizedAt: '2026-10-08T02:00:00.000Z', finalizedBy: 'leader', revisedAfterFinalization: false, county: [row], grants: [],
      budget: { totalWan: 2041, countyWan: 2000, subsidiesWan: 20, paidWan: 2020, remainingWan: 21, factor: 0.512499, scaled: true },
    };
    const parsed = awardsSchema.parse(release1);
    expect(parsed.incompleteOverride).toBeNull();
    expect(parsed.county[0]).toMatchObject({ tieBreak: null, unpaid: null, indicators: { output: { place: null } } });
    expect(parsed.budget).toMatchObject({ factor: 0.512499, factorFraction: null, factorText: null, overBudget: false, shortfallWan: null });
  });
});
