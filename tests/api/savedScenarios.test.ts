import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Policy, Ranking, SavedScenario, SavedScenarioSummary } from '@scoreboard/shared';
import { MAX_SAVED_SCENARIOS } from '../../server/src/services/savedScenarios';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

/** Saved, named scenarios (SPEC §14): who saved which rule when; list, get, delete — all audited. */
const P = `/api/policies/${POLICY_ID}`;
let t: TestApp;
let leader: { cookie: string };
let q3: Policy;
beforeEach(async () => {
  t = await buildTestApp({ demoData: true });
  leader = await t.login('leader');
  q3 = (await t.app.inject({ url: P, headers: leader })).json<Policy>();
});
afterEach(async () => t.close());

const bonusOne = (): Policy => {
  const p = structuredClone(q3);
  for (const ind of p.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = 1;
  return p;
};
const save = (payload: unknown, headers = leader) => t.app.inject({ method: 'POST', url: `${P}/scenarios`, headers, payload: payload as Record<string, unknown> });
const list = async () => (await t.app.inject({ url: `${P}/scenarios`, headers: leader })).json<{ scenarios: SavedScenarioSummary[] }>().scenarios;
const audit = async () => {
  const admin = await t.login('admin');
  return (await t.app.inject({ url: '/api/audit', headers: admin })).json<{ entries: { action: string; actor: string; target: string; before: unknown; after: unknown }[] }>().entries;
};
const revision = async () => (await t.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>().revision;

describe('saved scenarios', () => {
  it('saves a named scenario with who and when, lists newest first, reads it back whole', async () => {
    const before = await revision();
    const first = await save({ name: '加分每点 1 分', policy: bonusOne() });
    expect(first.statusCode, first.body).toBe(201);
    const minScore = structuredClone(q3);
    minScore.countyAward.awards.condition = { kind: 'minScore', score: 104 };
    const second = await save({ name: '104 分以上方可获奖', policy: minScore, month: 8 });
    expect(second.statusCode).toBe(201);

    const saved = first.json<SavedScenario>();
    expect(saved).toMatchObject({ policyId: POLICY_ID, name: '加分每点 1 分', month: null, createdBy: 'leader' });
    expect(Date.now() - Date.parse(saved.createdAt)).toBeLessThan(60_000);
    expect(saved.settings).toEqual([
      { path: 'countyAward.indicators.0.bonusPerPoint', before: 0.5, after: 1 },
      { path: 'countyAward.indicators.1.bonusPerPoint', before: 0.5, after: 1 },
    ]);
    expect((await list()).map((s) => [s.name, s.month])).toEqual([['104 分以上方可获奖', 8], ['加分每点 1 分', null]]);

    const read = await t.app.inject({ url: `${P}/scenarios/${saved.scenarioId}`, headers: leader });
    expect(read.json<SavedScenario>().policy).toEqual(bonusOne());
    // saving is not a change of the figures: no revision, no dashboard refresh
    expect(await revision()).toBe(before);
    const entry = (await audit()).find((e) => e.action === 'scenario.save' && e.target === `${POLICY_ID}/scenario:${saved.scenarioId}`);
    expect(entry).toMatchObject({ actor: 'leader', after: { name: '加分每点 1 分', settings: saved.settings } });
  });

  it('deletes a scenario and audits the whole document, so nothing is lost without a trace', async () => {
    const { scenarioId } = (await save({ name: '待删除', policy: bonusOne() })).json<SavedScenario>();
    const del = await t.app.inject({ method: 'DELETE', url: `${P}/scenarios/${scenarioId}`, headers: leader });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ scenarioId, name: '待删除' });
    expect(await list()).toEqual([]);
    expect((await t.app.inject({ url: `${P}/scenarios/${scenarioId}`, headers: leader })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `${P}/scenarios/${scenarioId}`, headers: leader })).statusCode).toBe(404);
    const entry = (await audit()).find((e) => e.action === 'scenario.delete');
    expect(entry).toMatchObject({ actor: 'leader', target: `${POLICY_ID}/scenario:${scenarioId}`, before: { name: '待删除', createdBy: 'leader', document: bonusOne() } });
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const invalid = structuredClone(q3) as unknown as { units: string[]; countyAward: { indicators: Record<string, unknown>[] } };
    invalid.units.push('999999');
    invalid.countyAward.indicators[0]!.bonusCap = '十';
    const bad = await save({ name: '坏方案', policy: invalid });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toEqual(['countyAward.indicators.0.bonusCap', 'units.12']);
    expect((await save({ name: '  ', policy: q3 })).json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'name', message: '请填写方案名称' }] });
    expect((await save({ name: '十二月', policy: q3, month: 12 })).json()).toMatchObject({ code: 'invalid_month' });
    expect((await save({ name: 'x'.repeat(101), policy: q3 })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `${P}/scenarios/abc`, headers: leader })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/policies/liuzhou-2026-q4/scenarios/1', headers: leader })).statusCode).toBe(404);
    const viewer = await t.login('viewer');
    expect((await save({ name: '只读用户', policy: q3 }, viewer)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `${P}/scenarios`, headers: viewer })).statusCode).toBe(403);
    expect(await list()).toEqual([]);
    expect((await audit()).filter((e) => e.action.startsWith('scenario.'))).toEqual([]);
  });

  it(`keeps at most ${MAX_SAVED_SCENARIOS} per policy: the next is 409 and not stored`, async () => {
    for (let i = 0; i < MAX_SAVED_SCENARIOS; i++) expect((await save({ name: `方案${i}`, policy: q3 })).statusCode).toBe(201);
    const over = await save({ name: '再一个', policy: q3 });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'too_many_scenarios' });
    expect(await list()).toHaveLength(MAX_SAVED_SCENARIOS);
  });
});
