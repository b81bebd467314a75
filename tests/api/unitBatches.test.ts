import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Batch, UploadResult } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';

// In the demo figures every unit has one targets batch and one actuals batch (城中区 written “城中”).
const CHENGZHONG = '450202';
const YUFENG = '450203';
const RONGSHUI = '450225';
const CHENGZHONG_JULY = '单位,月份,规上工业总产值（万元）,工业投资（万元）\n城中区,7,201000,28000\n';
// investment left blank: that key is not mentioned, so only the output target is replaced
const CHENGZHONG_NEW_TARGET = '单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,620000,\n';

let t: TestApp;
let stat: string;
beforeEach(async () => {
  t = await buildTestApp({ demoData: true });
  stat = (await t.login('statistician')).cookie;
});
afterEach(async () => {
  await t.close();
});

const batchesOf = async (unitId: string): Promise<Batch[]> => {
  const res = await t.app.inject({ url: `/api/uploads?policyId=${POLICY_ID}&unitId=${encodeURIComponent(unitId)}`, headers: { cookie: stat } });
  expect(res.statusCode).toBe(200);
  return res.json<{ batches: Batch[] }>().batches;
};
const commit = async (kind: 'unit-targets' | 'unit-actuals', fileName: string, data: string): Promise<Batch> => {
  const res = await postUpload(t, stat, { kind, fileName, data, dryRun: false });
  expect(res.statusCode).toBe(200);
  return res.json<UploadResult>().batch!;
};

describe('GET /api/uploads?policyId=&unitId= (the unit page’s batches)', () => {
  it('融水 is fed by the demo targets and actuals batches only, with its own figure counts', async () => {
    const all = (await t.app.inject({ url: `/api/uploads?policyId=${POLICY_ID}`, headers: { cookie: stat } })).json<{ batches: Batch[] }>().batches;
    expect(all.length).toBeGreaterThan(2); // industry, subsidy and blacklist batches too
    expect(all.every((b) => b.unitKeys === null && b.unitSupersededKeys === null)).toBe(true);

    const rongshui = await batchesOf(RONGSHUI);
    // targets: output + investment; actuals: 7月 both, 8月 output only (investment blank), 9月 both
    expect(rongshui.map((b) => [b.kind, b.unitKeys, b.unitSupersededKeys])).toEqual([
      ['unit-actuals', 5, []],
      ['unit-targets', 2, []],
    ]);
    expect(rongshui.every((b) => b.uploadedBy === 'system' && b.revertedAt === null)).toBe(true);
  });

  it('a new upload touching only 城中区 shows on 城中区’s page and not on 鱼峰区’s', async () => {
    const before = await batchesOf(CHENGZHONG);
    expect(before.map((b) => [b.kind, b.unitKeys, b.unitSupersededKeys])).toEqual([
      ['unit-actuals', 6, []], // 7–9月, both indicators
      ['unit-targets', 2, []],
    ]);
    const yufengBefore = await batchesOf(YUFENG);

    const july = await commit('unit-actuals', '城中区7月.csv', CHENGZHONG_JULY);
    const after = await batchesOf(CHENGZHONG);
    expect(after.map((b) => [b.batchId, b.kind, b.unitKeys, b.unitSupersededKeys])).toEqual([
      [july.batchId, 'unit-actuals', 2, []],
      // the demo's 7月 figures of 城中区 are now restated; its 8–9月 figures still stand
      [before[0]!.batchId, 'unit-actuals', 6, [`${CHENGZHONG}/7/investment`, `${CHENGZHONG}/7/output`]],
      [before[1]!.batchId, 'unit-targets', 2, []],
    ]);
    expect(after[0]!.fileName).toBe('城中区7月.csv');
    expect(await batchesOf(YUFENG)).toEqual(yufengBefore);
  });

  it('says which figures a later batch superseded, and gives them back when that batch is reverted', async () => {
    const [demoActuals, demoTargets] = await batchesOf(CHENGZHONG);
    const newTarget = await commit('unit-targets', '城中区目标调整.csv', CHENGZHONG_NEW_TARGET);

    const after = await batchesOf(CHENGZHONG);
    expect(after.map((b) => [b.batchId, b.unitKeys, b.unitSupersededKeys])).toEqual([
      [newTarget.batchId, 1, []],
      [demoActuals!.batchId, 6, []],
      [demoTargets!.batchId, 2, [`${CHENGZHONG}/output`]], // investment target still from the demo
    ]);
    // 鱼峰区's targets came from the same demo batch and nothing replaced them
    expect((await batchesOf(YUFENG)).find((b) => b.batchId === demoTargets!.batchId)?.unitSupersededKeys).toEqual([]);

    const revert = await t.app.inject({ method: 'POST', url: `/api/uploads/${newTarget.batchId}/revert`, headers: { cookie: stat } });
    expect(revert.statusCode).toBe(200);
    const reverted = await batchesOf(CHENGZHONG);
    expect(reverted[0]).toMatchObject({ batchId: newTarget.batchId, revertedBy: 'statistician', unitKeys: 1 });
    expect(reverted[2]).toMatchObject({ batchId: demoTargets!.batchId, unitSupersededKeys: [] });
  });

  it('an unknown unit is a 404 like an unknown policy; a unit without a policy is a 400', async () => {
    const unknownUnit = await t.app.inject({ url: `/api/uploads?policyId=${POLICY_ID}&unitId=999999`, headers: { cookie: stat } });
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json()).toMatchObject({ code: 'unit_not_found', message: expect.stringContaining('999999') });
    // a prefix of a real code, or a LIKE wildcard, is not a unit
    for (const id of ['4502', '4502%', '45022_']) {
      const res = await t.app.inject({ url: `/api/uploads?policyId=${POLICY_ID}&unitId=${encodeURIComponent(id)}`, headers: { cookie: stat } });
      expect(res.statusCode).toBe(404);
    }
    const unknownPolicy = await t.app.inject({ url: `/api/uploads?policyId=nope&unitId=${CHENGZHONG}`, headers: { cookie: stat } });
    expect(unknownPolicy.json()).toMatchObject({ code: 'policy_not_found' });
    const noPolicy = await t.app.inject({ url: `/api/uploads?unitId=${CHENGZHONG}`, headers: { cookie: stat } });
    expect(noPolicy.statusCode).toBe(400);
    expect(noPolicy.json()).toMatchObject({ code: 'policy_required' });
    const viewer = (await t.login('viewer')).cookie;
    expect((await t.app.inject({ url: `/api/uploads?policyId=${POLICY_ID}&unitId=${CHENGZHONG}`, headers: { cookie: viewer } })).statusCode).toBe(403);
  });
});
