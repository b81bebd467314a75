import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Policy, PolicySummary, Ranking, SavedScenario, ScenarioEvaluation } from '@scoreboard/shared';
import { buildApp } from '../../server/src/app';
import { buildTestApp, POLICY_ID, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';

/**
 * An admin adopts a saved scenario as a new draft policy (SPEC §14): it appears at once beside the
 * policy files, starts with a copy of the figures and 一票否决 it was tried on — so its ranking is
 * the scenario's — survives a restart, and is audited.
 */
const P = `/api/policies/${POLICY_ID}`;
const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
let t: TestApp;
let dir: string;
let leader: { cookie: string };
let admin: { cookie: string };
let q3: Policy;

beforeEach(async () => {
  // a data directory of our own, so a test may add a policy file to it
  dir = mkdtempSync(join(tmpdir(), 'scoreboard-adopt-'));
  cpSync(join(dataDir, 'policies'), join(dir, 'policies'), { recursive: true });
  cpSync(join(dataDir, 'registries'), join(dir, 'registries'), { recursive: true });
  cpSync(join(dataDir, 'demo'), join(dir, 'demo'), { recursive: true });
  t = await buildTestApp({ demoData: true, dataDir: dir });
  leader = await t.login('leader');
  admin = await t.login('admin');
  q3 = (await t.app.inject({ url: P, headers: leader })).json<Policy>();
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Bonus 1 per point: 鹿寨 and 柳东 swap the 800 and 500 万元 (scenarios.test.ts). */
async function saveBonusOne(): Promise<SavedScenario> {
  const policy = structuredClone(q3);
  for (const ind of policy.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = 1;
  const res = await t.app.inject({ method: 'POST', url: `${P}/scenarios`, headers: leader, payload: { name: '加分每点 1 分', policy } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SavedScenario>();
}
const adopt = (payload: Record<string, unknown>, headers = admin) => t.app.inject({ method: 'POST', url: '/api/policies', headers, payload });
const rows = (r: Ranking) => r.rows.map((x) => [x.unitId, x.rank, x.score, x.tied, x.award, x.unpaid, x.disqualified, x.indicators]);

describe('adopting a scenario', () => {
  it('makes a new draft that appears in the policy list at once, ranked exactly as the scenario was', async () => {
    await t.app.inject({ method: 'PUT', url: `${P}/units/450222/disqualification`, headers: leader, payload: { reason: '安全生产事故' } });
    const saved = await saveBonusOne();
    const evaluation = (
      await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate`, headers: leader, payload: { policy: saved.policy } })
    ).json<ScenarioEvaluation>();

    const res = await adopt({ fromPolicyId: POLICY_ID, scenarioId: saved.scenarioId, id: 'liuzhou-2026-q3-bonus1', title: '三季度措施（加分每点 1 分稿）' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<PolicySummary>()).toMatchObject({ policyId: 'liuzhou-2026-q3-bonus1', status: 'draft', example: false, title: '三季度措施（加分每点 1 分稿）', final: false, revision: 1 });

    const list = (await t.app.inject({ url: '/api/policies', headers: leader })).json<{ policies: PolicySummary[] }>();
    expect(list.policies.map((p) => p.policyId)).toContain('liuzhou-2026-q3-bonus1');
    const doc = (await t.app.inject({ url: '/api/policies/liuzhou-2026-q3-bonus1', headers: leader })).json<Policy>();
    expect(doc.countyAward.indicators.map((i) => i.scoring === 'completion' && i.bonusPerPoint)).toEqual([1, 1]);
    expect(doc.notes.at(-1)).toContain('采纳自政策“liuzhou-2026-q3”的方案“加分每点 1 分”');

    const ranking = (await t.app.inject({ url: '/api/policies/liuzhou-2026-q3-bonus1/ranking', headers: leader })).json<Ranking>();
    expect(rows(ranking)).toEqual(rows(evaluation.scenario));
    expect(ranking.rows.slice(0, 2).map((x) => [x.unitName, x.award])).toEqual([['鹿寨县', 800], ['柳东新区', 500]]);
    expect(ranking.rows.find((x) => x.unitId === '450222')!.disqualified).toEqual({ reason: '安全生产事故' });

    // the copies are ordinary batches by the admin, one per kind, revertible
    const batches = (await t.app.inject({ url: '/api/uploads?policyId=liuzhou-2026-q3-bonus1', headers: admin })).json<{ batches: { kind: string; uploadedBy: string; fileName: string }[] }>().batches;
    expect(batches.map((b) => b.kind).sort()).toEqual(['credit-blacklist', 'industry-output', 'subsidy-applications', 'unit-actuals', 'unit-targets']);
    expect(batches.every((b) => b.uploadedBy === 'admin' && b.fileName === '采纳方案时复制自 liuzhou-2026-q3')).toBe(true);

    const audit = (await t.app.inject({ url: '/api/audit', headers: admin })).json<{ entries: { action: string; actor: string; target: string; after: Record<string, unknown> }[] }>();
    expect(audit.entries.find((e) => e.action === 'policy.adopt')).toMatchObject({
      actor: 'admin',
      target: 'liuzhou-2026-q3-bonus1',
      after: { fromPolicyId: POLICY_ID, scenarioId: saved.scenarioId, scenarioName: '加分每点 1 分', copiedDisqualifications: ['450222'] },
    });
  });

  it('takes uploads of its own afterwards; the base is untouched', async () => {
    const saved = await saveBonusOne();
    expect((await adopt({ fromPolicyId: POLICY_ID, scenarioId: saved.scenarioId, id: 'q3-draft-b', title: '乙稿' })).statusCode).toBe(201);
    const stat = await t.login('statistician');
    const up = await postUpload(t, stat.cookie, {
      policyId: 'q3-draft-b', kind: 'unit-actuals', fileName: 'b.csv', data: '单位,月份,规上工业总产值（万元）,工业投资（万元）\n柳城县,9,99999999,99999999\n', dryRun: false,
    });
    expect(up.statusCode, up.body).toBe(200);
    const draft = (await t.app.inject({ url: '/api/policies/q3-draft-b/ranking', headers: leader })).json<Ranking>();
    const base = (await t.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>();
    expect(draft.rows[0]!.unitId).toBe('450222');
    expect(base.rows[0]!.unitId).toBe('LZ-LD');
  });

  it('survives a restart: loaded from the database next to the policy files', async () => {
    const saved = await saveBonusOne();
    expect((await adopt({ fromPolicyId: POLICY_ID, scenarioId: saved.scenarioId, id: 'q3-draft-c', title: '丙稿' })).statusCode).toBe(201);
    const before = (await t.app.inject({ url: '/api/policies/q3-draft-c/ranking', headers: leader })).json<Ranking>();
    await t.app.close();
    const again = await buildApp({ databasePath: t.databasePath, dataDir: dir, adminPassword: TEST_PASSWORD, clientDist: join(dir, 'none') });
    try {
      const login = await again.inject({ method: 'POST', url: '/api/session', payload: { username: 'leader', password: TEST_PASSWORD } });
      const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
      const after = (await again.inject({ url: '/api/policies/q3-draft-c/ranking', headers: { cookie } })).json<Ranking>();
      expect(rows(after)).toEqual(rows(before));
      // a policy file that takes the adopted id later stops the start with both named
      writeFileSync(join(dir, 'policies', 'q3-draft-c.json'), JSON.stringify({ ...q3, policyId: 'q3-draft-c' }));
      await expect(buildApp({ databasePath: t.databasePath, dataDir: dir, adminPassword: TEST_PASSWORD, clientDist: join(dir, 'none') })).rejects.toThrow(
        /adopted_policies\/q3-draft-c: policyId: "q3-draft-c" was adopted from a scenario and is also data\/policies\/q3-draft-c\.json/,
      );
    } finally {
      await again.close();
      t.close = () => rm(t.dir, { recursive: true, force: true }); // the app was closed above
    }
  });

  it('an adopted scenario of an example is still an example', async () => {
    const q4 = (await t.app.inject({ url: '/api/policies/liuzhou-2026-q4', headers: leader })).json<Policy>();
    const saved = (await t.app.inject({ method: 'POST', url: '/api/policies/liuzhou-2026-q4/scenarios', headers: leader, payload: { name: '无 100 分线', policy: { ...q4, example: false, countyAward: { ...q4.countyAward, awards: { ...q4.countyAward.awards, condition: null } } } } })).json<SavedScenario>();
    const res = await adopt({ fromPolicyId: 'liuzhou-2026-q4', scenarioId: saved.scenarioId, id: 'q4-no-line', title: '四季度示例（无 100 分线）' });
    expect(res.json<PolicySummary>()).toMatchObject({ status: 'draft', example: true });
  });

  it('refuses a taken id (409), an unknown scenario (404), a bad id (400) and non-admins (403); nothing is stored', async () => {
    const saved = await saveBonusOne();
    const count = async () => (await t.app.inject({ url: '/api/policies', headers: leader })).json<{ policies: unknown[] }>().policies.length;
    const n = await count();
    const base = { fromPolicyId: POLICY_ID, scenarioId: saved.scenarioId, title: '稿' };
    expect((await adopt({ ...base, id: 'liuzhou-2026-q4' })).json()).toMatchObject({ code: 'policy_exists' });
    expect((await adopt({ ...base, id: 'q3-x', scenarioId: 999 })).statusCode).toBe(404);
    expect((await adopt({ ...base, id: 'q3-x', fromPolicyId: 'liuzhou-2026-q4' })).statusCode).toBe(404); // the scenario is Q3's
    expect((await adopt({ ...base, id: 'Q3 草稿' })).statusCode).toBe(400);
    expect((await adopt({ ...base, id: 'q3-x' }, leader)).statusCode).toBe(403);
    expect(await count()).toBe(n);
    expect((await t.app.inject({ url: '/api/uploads?policyId=q3-x', headers: admin })).statusCode).toBe(404);
    expect((await adopt({ ...base, id: 'q3-x' })).statusCode).toBe(201);
    expect((await adopt({ ...base, id: 'q3-x' })).statusCode).toBe(409);
  });
});
