import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy, SavedScenario } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

/** The comparison as a workbook (SPEC §14): the numbers of scenarios.test.ts, in cells a leader prints. */
const P = `/api/policies/${POLICY_ID}`;
let t: TestApp;
let leader: { cookie: string };
let bonusOne: Policy;
beforeAll(async () => {
  t = await buildTestApp({ demoData: true });
  leader = await t.login('leader');
  bonusOne = (await t.app.inject({ url: P, headers: leader })).json<Policy>();
  for (const ind of bonusOne.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = 1;
});
afterAll(async () => t.close());

async function workbook(res: { statusCode: number; body: string; headers: Record<string, unknown>; rawPayload: Buffer }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('the comparison workbook', () => {
  it('puts both rankings side by side with ▲▼ and the award difference, then the money, then the changed settings', async () => {
    const res = await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate.xlsx`, headers: leader, payload: { policy: bonusOne, name: '加分每点 1 分' } });
    expect(res.headers['content-disposition']).toBe('attachment; filename="liuzhou-2026-q3-scenario.xlsx"');
    const wb = await workbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['方案比较', '设置差异']);
    const ws = wb.getWorksheet('方案比较')!;
    expect(ws.getCell('A1').value).toBe('促进2026年三季度柳州市工业稳增长的若干措施 · 规则方案比较：加分每点 1 分');
    expect(String(ws.getCell('A2').value)).toContain('数据截至 9 月（序时进度 100%）');
    expect(values(ws, 3)).toEqual(['单位', '现行名次', '现行综合评分', '现行奖励（万元）', '方案名次', '名次变化', '方案综合评分', '方案奖励（万元）', '奖励差额（万元）']);
    expect(values(ws, 4)).toEqual(['鹿寨县', 2, 109.6, 500, 1, '▲1', 119, 800, 300]);
    expect(values(ws, 5)).toEqual(['柳东新区', 1, 110.5, 800, 2, '▼1', 118.6, 500, -300]);
    expect(values(ws, 12)).toEqual(['城中区', 8, 98.5, 0, 9, '▼1', 98.5, 0, 0]);
    expect(values(ws, 17)).toEqual(['金额（万元）', '', '', '现行', '', '', '', '方案', '差额']);
    expect(values(ws, 18)).toEqual(['县区奖励合计', '', '', 2000, '', '', '', 2000, 0]);
    // A4, the header row on every printed page
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '3:3', fitToWidth: 1 });

    const settings = wb.getWorksheet('设置差异')!;
    expect([values(settings, 4), values(settings, 5)]).toEqual([
      ['规上工业总产值 · 超目标每个百分点加分', '0.5', '1'],
      ['工业投资 · 超目标每个百分点加分', '0.5', '1'],
    ]);
  });

  it('exports a saved scenario by its id, titled with its name', async () => {
    const minScore = structuredClone(bonusOne);
    for (const ind of minScore.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = 0.5;
    minScore.countyAward.awards.condition = { kind: 'minScore', score: 104 };
    const saved = (await t.app.inject({ method: 'POST', url: `${P}/scenarios`, headers: leader, payload: { name: '104 分以上方可获奖', policy: minScore } })).json<SavedScenario>();
    const wb = await workbook(await t.app.inject({ url: `${P}/scenarios/${saved.scenarioId}.xlsx`, headers: leader }));
    const ws = wb.getWorksheet('方案比较')!;
    expect(String(ws.getCell('A1').value)).toMatch(/：104 分以上方可获奖$/);
    expect(values(ws, 8)).toEqual(['柳南区', 5, 102.25, 150, 5, '—', 102.25, 0, -150]);
    expect(values(wb.getWorksheet('设置差异')!, 4)).toEqual(['获奖条件', '无', '综合评分不低于 104 分']);
  });

  it('refuses what evaluate refuses, and an unknown scenario', async () => {
    const bad = { ...bonusOne, units: [...bonusOne.units, 'nope'] };
    const res = await t.app.inject({ method: 'POST', url: `${P}/scenarios/evaluate.xlsx`, headers: leader, payload: { policy: bad } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_policy', details: [{ path: 'units.12' }] });
    expect((await t.app.inject({ url: `${P}/scenarios/9999.xlsx`, headers: leader })).statusCode).toBe(404);
    const viewer = await t.login('viewer');
    expect((await t.app.inject({ url: `${P}/scenarios/1.xlsx`, headers: viewer })).statusCode).toBe(403);
  });
});
