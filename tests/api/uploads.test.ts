import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Batch, Ranking, Subsidies, UploadResult } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { multipartBody } from '../helpers/multipart';
import { postUpload } from '../helpers/uploads';

const P = `/api/policies/${POLICY_ID}`;
const TARGETS_V1 = '2026年三季度任务目标\n单位：万元\n单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,60000,10000\n鱼峰区,"80,000",12000\n';
const TARGETS_V2 = '单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,62000,10000\n柳南区,50000,9000\n';

let t: TestApp;
let stat: string;
beforeEach(async () => {
  t = await buildTestApp();
  stat = (await t.login('statistician')).cookie;
});
afterEach(async () => {
  await t.close();
});

const targetOf = async (unitId: string) => {
  const r = (await t.app.inject({ url: `${P}/ranking`, headers: { cookie: stat } })).json<Ranking>();
  return r.rows.find((row) => row.unitId === unitId)!.indicators.output!.target;
};

describe('upload preview, commit, duplicate, revert (SPEC.md §8)', () => {
  it('round trip with exact old → new values', async () => {
    // 1. preview on an empty database: every key is new, nothing is stored
    const preview = await postUpload(t, stat, { kind: 'unit-targets', fileName: 'targets.csv', data: TARGETS_V1, dryRun: true });
    expect(preview.statusCode).toBe(200);
    const p = preview.json<UploadResult>();
    expect(p).toMatchObject({ dryRun: true, duplicate: false, batch: null, rowsRead: 2, summary: { added: 4, changed: 0, unchanged: 0 } });
    expect(p.changes).toContainEqual({ key: '450203/output', label: expect.stringContaining('鱼峰区'), old: null, new: '80000', change: 'added' });
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.app.inject({ url: '/api/uploads', headers: { cookie: stat } })).json()).toEqual({ batches: [] });

    // 2. commit
    const commit = (await postUpload(t, stat, { kind: 'unit-targets', fileName: 'targets.csv', data: TARGETS_V1, dryRun: false })).json<UploadResult>();
    expect(commit.batch).toMatchObject({ policyId: POLICY_ID, kind: 'unit-targets', fileName: 'targets.csv', sha256: p.sha256, rows: 2, keys: 4, uploadedBy: 'statistician', revertedAt: null });
    expect(await targetOf('450202')).toBe(60000);

    // 3. the same file again is a no-op
    const dup = (await postUpload(t, stat, { kind: 'unit-targets', fileName: 'copy.csv', data: TARGETS_V1, dryRun: false })).json<UploadResult>();
    expect(dup).toMatchObject({ duplicate: true, batch: { batchId: commit.batch!.batchId } });
    expect((await t.app.inject({ url: `/api/uploads?policyId=${POLICY_ID}`, headers: { cookie: stat } })).json<{ batches: Batch[] }>().batches).toHaveLength(1);

    // 4. a second file changes one key, adds another, leaves one unchanged; keys it omits keep their values
    const second = (await postUpload(t, stat, { kind: 'unit-targets', fileName: 'targets-v2.csv', data: TARGETS_V2, dryRun: false })).json<UploadResult>();
    expect(second.summary).toEqual({ added: 2, changed: 1, unchanged: 1 });
    expect(second.changes).toContainEqual({ key: '450202/output', label: expect.any(String), old: '60000', new: '62000', change: 'changed' });
    expect(second.changes).toContainEqual({ key: '450202/investment', label: expect.any(String), old: '10000', new: '10000', change: 'unchanged' });
    expect(await targetOf('450202')).toBe(62000);
    expect(await targetOf('450203')).toBe(80000);

    // 5. revert the second batch: figures fall back to the batch before
    const revert = await t.app.inject({ method: 'POST', url: `/api/uploads/${second.batch!.batchId}/revert`, headers: { cookie: stat } });
    expect(revert.statusCode).toBe(200);
    expect(revert.json()).toMatchObject({ batchId: second.batch!.batchId, revertedBy: 'statistician', revertedAt: expect.any(String) });
    expect(await targetOf('450202')).toBe(60000);
    expect(await targetOf('450204')).toBeNull();
    // a preview compares with what is current now: the reverted batch's values are not "old" any more
    const afterRevert = (await postUpload(t, stat, { kind: 'unit-targets', fileName: 'targets-v2.csv', data: TARGETS_V2, dryRun: true })).json<UploadResult>();
    expect(afterRevert.summary).toEqual({ added: 2, changed: 1, unchanged: 1 });
    expect(afterRevert.changes).toContainEqual({ key: '450202/output', label: expect.any(String), old: '60000', new: '62000', change: 'changed' });
    expect(afterRevert.changes).toContainEqual({ key: '450204/output', label: expect.any(String), old: null, new: '50000', change: 'added' });
    const again = await t.app.inject({ method: 'POST', url: `/api/uploads/${second.batch!.batchId}/revert`, headers: { cookie: stat } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_reverted' });

    // history keeps both batches, newest first
    const history = (await t.app.inject({ url: '/api/uploads', headers: { cookie: stat } })).json<{ batches: Batch[] }>().batches;
    expect(history.map((b) => [b.fileName, b.revertedAt === null])).toEqual([['targets-v2.csv', false], ['targets.csv', true]]);
  });

  it('refuses a file with errors: 422 with sheet, row, column and a Chinese message; nothing stored', async () => {
    const bad = '标题\n单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,abc,10000\n火星区,100,100\n';
    const res = await postUpload(t, stat, { kind: 'unit-targets', fileName: 'bad.csv', data: bad, dryRun: false });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; message: string; errors: { row: number | null; column: string | null; message: string }[] }>();
    expect(body.code).toBe('invalid_upload');
    expect(body.message).toMatch(/未导入任何数据/);
    expect(body.errors).toContainEqual(expect.objectContaining({ row: 3, column: '规上工业总产值目标（万元）', value: 'abc' }));
    expect(body.errors.some((e) => e.row === 4)).toBe(true);
    expect((await t.app.inject({ url: '/api/uploads', headers: { cookie: stat } })).json()).toEqual({ batches: [] });
  });

  it('a corrupt spreadsheet is a 422, never a 500', async () => {
    const res = await postUpload(t, stat, { kind: 'unit-actuals', fileName: 'broken.xlsx', data: Buffer.from('PK\u0003\u0004 not really a zip'), dryRun: true });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { row: number | null }[] }>().errors[0]!.row).toBeNull();
  });

  it('a file over 20 MiB is a 413 file_too_large', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x31);
    const res = await postUpload(t, stat, { kind: 'unit-targets', fileName: 'big.csv', data: big, dryRun: true });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large' });
  });

  it('missing fields are a field-level 400', async () => {
    const body = multipartBody({ kind: 'nonsense' });
    const res = await t.app.inject({ method: 'POST', url: '/api/uploads?dryRun=true', headers: { ...body.headers, cookie: stat }, payload: body.payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { path: string }[] }>().details.map((d) => d.path).sort()).toEqual(['file', 'kind', 'policyId']);
  });
});

describe('one route test per upload kind', () => {
  it('unit-actuals: cumulative figures by unit and month; an implausible drop is a warning, not an error', async () => {
    const csv = '单位,月份,规上工业总产值（万元）,工业投资（万元）\n城中区,7,20000,3000\n城中区,8,19000,6000\n融水县,8,8000,\n';
    const res = await postUpload(t, stat, { kind: 'unit-actuals', fileName: 'actuals.csv', data: csv, dryRun: false });
    expect(res.statusCode).toBe(200);
    const r = res.json<UploadResult>();
    expect(r.changes.map((c) => [c.key, c.new])).toEqual(
      expect.arrayContaining([['450202/7/output', '20000'], ['450202/8/output', '19000'], ['450202/8/investment', '6000'], ['450225/8/output', '8000']]),
    );
    expect(r.summary.added).toBe(5); // the blank 融水 investment is "no figure yet"
    expect(r.warnings.length).toBeGreaterThan(0); // 19000 in August < 20000 in July
    const ranking = (await t.app.inject({ url: `${P}/ranking`, headers: { cookie: stat } })).json<Ranking>();
    expect(ranking.month).toBe(8);
    expect(ranking.rows.find((x) => x.unitId === '450202')!.indicators.output!.actual).toBe(19000);
  });

  it('industry-output: reported growth wins, missing growth is computed', async () => {
    const csv = '产业,月份,本年累计（万元）,上年同期累计（万元）,累计增速（%）\n绿色化工,9,"1,039.9",1000,\n汽车,9,108,100,7.4\n';
    const res = await postUpload(t, stat, { kind: 'industry-output', fileName: 'industries.csv', data: csv, dryRun: false });
    expect(res.statusCode).toBe(200);
    expect(res.json<UploadResult>().changes.map((c) => c.key).sort()).toEqual(
      ['green-chem/9/output', 'green-chem/9/outputLastYear', 'nev/9/growth', 'nev/9/output', 'nev/9/outputLastYear'],
    );
    const rows = (await t.app.inject({ url: `${P}/industries`, headers: { cookie: stat } })).json<{ rows: { industryId: string; latest: unknown; status: string }[] }>().rows;
    expect(rows.find((x) => x.industryId === 'green-chem')).toMatchObject({ latest: { month: 9, growth: 3.99 }, status: 'not_met' });
    expect(rows.find((x) => x.industryId === 'nev')).toMatchObject({ latest: { month: 9, growth: 7.4 }, status: 'not_met' });
  });

  it('subsidy-applications and credit-blacklist: records by id, judged together', async () => {
    const apps =
      '申报编号,企业名称,统一社会信用代码,是否规上,类别,项目名称,日期,申报费用（元）,认证类型,信用承诺\n' +
      'A-1,柳州示例机械有限公司,91450203M5J8N2AR6K,是,展会,东盟博览会,2026-09-17,237000.00,,是\n' +
      'A-2,柳州示例机械有限公司,91450203M5J8N2AR6K,是,国际认证,CE认证,2026-03-01,"60,000.00",CE,是\n';
    const a = await postUpload(t, stat, { kind: 'subsidy-applications', fileName: 'apps.csv', data: apps, dryRun: false });
    expect(a.statusCode).toBe(200);
    expect(a.json<UploadResult>().changes.map((c) => c.key).sort()).toEqual(['A-1', 'A-2']);
    let s = (await t.app.inject({ url: `${P}/subsidies`, headers: { cookie: stat } })).json<Subsidies>();
    expect(s.totals.computedWan).toBe(13); // 10 (exhibition cap) + 3 (50% of 60,000.00 yuan)

    const list = '统一社会信用代码,企业名称,列入日期\n91450203M5J8N2AR6K,柳州示例机械有限公司,2025-10-21\n';
    const b = await postUpload(t, stat, { kind: 'credit-blacklist', fileName: 'blacklist.csv', data: list, dryRun: false });
    expect(b.statusCode).toBe(200);
    expect(b.json<UploadResult>().changes.map((c) => c.key)).toEqual(['91450203M5J8N2AR6K']);
    s = (await t.app.inject({ url: `${P}/subsidies`, headers: { cookie: stat } })).json<Subsidies>();
    expect(s.totals.computedWan).toBe(0);
    expect(s.applications.every((x) => x.reasons.includes('joint_punishment'))).toBe(true);
  });

  it('unit-targets template downloads as an XLSX, and uploaded back blank is refused', async () => {
    const res = await t.app.inject({ url: '/api/templates/unit-targets.xlsx', headers: { cookie: stat } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.app.inject({ url: '/api/templates/nonsense.xlsx', headers: { cookie: stat } })).statusCode).toBe(400);

    // uploaded back unfilled, it is refused as holding no data, and no empty batch is stored
    const blank = await postUpload(t, stat, { kind: 'unit-targets', fileName: '任务目标模板.xlsx', data: res.rawPayload, dryRun: false });
    expect(blank.statusCode).toBe(422);
    const errors = blank.json<{ errors: { row: number | null; code: string; message: string }[] }>().errors;
    expect(errors.map((e) => [e.row, e.code])).toEqual([[null, 'no_rows']]);
    expect(errors[0]!.message).toContain('有表头，但表头下没有可保存的数据行');
    expect((await t.app.inject({ url: '/api/uploads', headers: { cookie: stat } })).json()).toEqual({ batches: [] });
  });
});

describe('upload messages in the request\'s language (SPEC §16, issue 13)', () => {
  const BAD = '单位,月份,规上工业总产值（万元）\n城东区,8月,100\n城中区,13月,abc\n';

  it('a 422 reads in Chinese without Accept-Language, in English under Accept-Language: en', async () => {
    const zh = await postUpload(t, stat, { kind: 'unit-actuals', fileName: 'bad.csv', data: BAD, dryRun: true });
    const en = await postUpload(t, stat, { kind: 'unit-actuals', fileName: 'bad.csv', data: BAD, dryRun: true, acceptLanguage: 'en-GB,en;q=0.9,zh-CN;q=0.5' });
    expect([zh.statusCode, en.statusCode]).toEqual([422, 422]);
    const zhBody = zh.json<{ code: string; message: string; errors: { row: number; column: string; code: string; message: string }[] }>();
    const enBody = en.json<typeof zhBody>();
    // the same errors, cell for cell and code for code: only the words differ
    const cells = (b: typeof zhBody) => b.errors.map((e) => [e.row, e.column, e.code]);
    expect(cells(enBody)).toEqual(cells(zhBody));
    expect(cells(zhBody)).toEqual([[2, '单位', 'unknown_unit'], [3, '月份', 'bad_month'], [3, '规上工业总产值（万元）', 'not_a_number']]);
    expect(zhBody.message).toBe('文件“bad.csv”有 3 处错误，未导入任何数据；请按提示修改后重新上传');
    expect(enBody.message).toBe('"bad.csv" has 3 errors; nothing was imported. Correct them and upload the file again');
    expect(zhBody.errors[1]!.message).toBe('第 3 行“月份”列：“13月”不是月份，应为月份，如 8、8月、2026-08 或 1-8月');
    expect(enBody.errors[1]!.message).toBe('Row 3, column "月份": "13月" is not a month; expected a month such as 8, 8月, 2026-08 or 1-8月');
    expect(enBody.errors[0]!.message).toMatch(/^Row 2, column "单位": unknown unit "城东区"; expected a unit such as/);
  });

  it('a file-level refusal and the preview\'s warnings follow the language too', async () => {
    const empty = await postUpload(t, stat, { kind: 'unit-targets', fileName: 'x.csv', data: '姓名,电话\n张三,1\n', dryRun: true, acceptLanguage: 'en' });
    expect(empty.json<{ errors: { code: string; message: string }[] }>().errors).toEqual([
      expect.objectContaining({ code: 'no_header', message: expect.stringMatching(/^No header row in the first 20 rows of sheet "x.csv"\. "Unit targets \(Q3 2026\)" needs the columns "单位" \(unit\)/) }),
    ]);
    const total = await postUpload(t, stat, { kind: 'unit-targets', fileName: 't.csv', data: '单位,产值目标\n城中区,1\n合计,1\n', dryRun: true, acceptLanguage: 'en-US' });
    expect(total.json<UploadResult>().warnings.map((w) => w.message)).toEqual(['Row 3: "合计" is a total row and was skipped (units are never added up)']);
    const zh = await postUpload(t, stat, { kind: 'unit-targets', fileName: 't.csv', data: '单位,产值目标\n城中区,1\n合计,1\n', dryRun: true, acceptLanguage: 'zh-CN,en;q=0.8' });
    expect(zh.json<UploadResult>().warnings.map((w) => w.message)).toEqual(['第 3 行：“合计”是合计行，已跳过（各单位数据不相加）']);
  });
});
