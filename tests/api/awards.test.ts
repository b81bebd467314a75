import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Awards, BudgetSetting, Ranking } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';

const P = `/api/policies/${POLICY_ID}`;
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp({ demoData: true });
});
afterEach(async () => {
  await t.close();
});

describe('finalize (SPEC.md §9)', () => {
  it('freezes the award table: later uploads change the live ranking, never the snapshot', async () => {
    const leader = await t.login('leader');
    const fin = await t.app.inject({ method: 'POST', url: `${P}/finalize`, headers: leader });
    expect(fin.statusCode).toBe(200);
    const frozen = fin.json<Awards>();
    expect(frozen).toMatchObject({ final: true, finalizedBy: 'leader', revisedAfterFinalization: false, month: 9 });
    expect(frozen.county.slice(0, 5).map((r) => r.award)).toEqual([800, 500, 350, 200, 150]);

    const read = (await t.app.inject({ url: `${P}/awards`, headers: leader })).json<Awards>();
    expect(read).toEqual(frozen);
    expect((await t.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>().final).toBe(true);

    // 柳城县 (11th) reports a September output far above target and would move to the top
    const stat = await t.login('statistician');
    const up = await postUpload(t, stat.cookie, {
      kind: 'unit-actuals', fileName: 'revision.csv', data: '单位,月份,规上工业总产值（万元）,工业投资（万元）\n柳城县,9,99999999,99999999\n', dryRun: false,
    });
    expect(up.statusCode).toBe(200);
    const live = (await t.app.inject({ url: `${P}/ranking`, headers: leader })).json<Ranking>();
    expect(live.rows[0]!.unitId).toBe('450222');

    const after = (await t.app.inject({ url: `${P}/awards`, headers: leader })).json<Awards>();
    expect(after.revisedAfterFinalization).toBe(true);
    expect({ ...after, revisedAfterFinalization: false }).toEqual(frozen);

    const twice = await t.app.inject({ method: 'POST', url: `${P}/finalize`, headers: leader });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'already_final' });
  });
});

describe('awards.xlsx (SPEC.md §9)', () => {
  it('exports the county awards, the grants and the budget with Chinese headers and numbers as numbers', async () => {
    const viewer = await t.login('viewer');
    const res = await t.app.inject({ url: `${P}/awards.xlsx`, headers: viewer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['县区奖励', '企业补助', '预算']);

    const county = wb.getWorksheet('县区奖励')!;
    expect(String(county.getCell('A1').value)).toContain('促进2026年三季度柳州市工业稳增长的若干措施');
    expect(String(county.getCell('A2').value)).toContain('数据截至 9 月');
    // Q3 is in force: no 征求意见稿 line (the draft Q4 example has one — see q4Policy.test.ts)
    expect(String(county.getCell('A2').value)).toContain('正式');
    expect(String(county.getCell('A2').value)).not.toContain('征求意见稿');
    const header = county.getRow(3).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['名次', '单位', '综合评分', '奖励（万元）', '备注']));
    const awardCol = header.indexOf('奖励（万元）');
    const first = county.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('柳东新区');
    expect(first.getCell(3).value).toBe(110.5);
    expect(first.getCell(awardCol).value).toBe(800);
    const awards = [4, 5, 6, 7, 8].map((r) => county.getRow(r).getCell(awardCol).value);
    expect(awards).toEqual([800, 500, 350, 200, 150]);
    expect(county.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
    const noteCol = header.indexOf('备注');
    const sanjiang = Array.from({ length: 12 }, (_, i) => county.getRow(4 + i)).find((r) => r.getCell(2).value === '三江侗族自治县')!;
    expect(sanjiang.getCell(noteCol).value).toBe('与城中区同分，按产值完成率区分：96.00% 对 97.00%');
    const capitals = county.getRow(17).getCell(1).value;
    expect(String(capitals)).toContain('贰仟万元整');

    const grants = wb.getWorksheet('企业补助')!;
    const rows = Array.from(grants.getSheetValues(), (r) => (Array.isArray(r) ? (r as unknown[]) : []));
    expect(rows.find((r) => r.includes('SQ2026-001'))).toEqual(expect.arrayContaining(['91450203M5J8N2AR6K', '柳州示例机械有限公司', 237000, 10]));
    const budget = wb.getWorksheet('预算')!;
    expect(budget.getRow(5).values).toEqual(expect.arrayContaining(['县区奖励', 2000]));
  });
});
describe('awards.xlsx prints right on A4 in an office suite (issue 13)', () => {
  /** Lines a text needs in a column, counted independently of the server: a CJK character is two
   * widths of the default font's "0", other characters one, minus a character of cell padding. */
  const linesFor = (text: string, width: number) =>
    text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil([...part].reduce((w, ch) => w + (/[\u2e80-\uffdc]/.test(ch) ? 2 : 1), 0) / (width - 1))), 0);
  /** Points a row of 11-point text needs per line: 15 in Excel's default font, more for CJK fonts. */
  const PT_PER_LINE = 15;

  it('sets A4, the page width filled, header rows repeated, and rows as tall as their wrapped text', async () => {
    const viewer = await t.login('viewer');
    const res = await t.app.inject({ url: `${P}/awards.xlsx`, headers: viewer });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    for (const [name, orientation] of [['县区奖励', 'landscape'], ['企业补助', 'landscape'], ['预算', 'portrait']] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup, name).toMatchObject({
        paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', horizontalCentered: true,
        margins: expect.objectContaining({ left: 0.4, right: 0.4 }),
      });
      expect(ws.headerFooter.oddFooter, name).toContain('&P');
      // the columns add up to A4's printable width at 100%: (297 or 210 mm − 2 × 0.4 in) at 96 dpi,
      // 7 px a character plus 5 px a column — so the table is printed full width, not shrunk
      const widths = ws.columns.map((c) => c.width ?? 0);
      const pageMm = orientation === 'landscape' ? 297 : 210;
      const fits = Math.floor((((pageMm - 0.8 * 25.4) / 25.4) * 96 - 5 * widths.length) / 7);
      const total = widths.reduce((a, b) => a + b, 0);
      expect(total, name).toBeLessThanOrEqual(fits);
      expect(total, name).toBeGreaterThan(fits - 1);
      // every row holding text is tall enough for it, wrapped at its column's width
      ws.eachRow((row, r) => {
        if (r <= 2) return; // the merged title and as-of rows, checked below
        let lines = 1;
        row.eachCell((cell, col) => {
          if (typeof cell.value === 'string' && !cell.isMerged) lines = Math.max(lines, linesFor(cell.value, widths[col - 1]!));
        });
        if (lines > 1) expect(row.height, `${name} row ${r}`).toBeGreaterThanOrEqual(lines * PT_PER_LINE);
      });
    }
    const county = wb.getWorksheet('县区奖励')!;
    // the wrapped two-line-and-more headers: "规上工业总产值序时目标（万元）" in a column of about 11
    expect(linesFor(String(county.getRow(3).getCell(5).value), county.getColumn(5).width!)).toBeGreaterThanOrEqual(3);
    expect(county.getRow(3).height).toBeGreaterThanOrEqual(3 * PT_PER_LINE);
    expect(county.getRow(1).height).toBeGreaterThanOrEqual(20);
  });
});

describe('budget (SPEC §7)', () => {
  it('county awards above the budget are an error state in the award table and the workbook', async () => {
    const admin = await t.login('admin');
    // 1,500 万元 against 2,000 万元 of county awards: they stand, grants get nothing, 500 short
    await t.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: 1500 } });
    const { budget } = (await t.app.inject({ url: `${P}/awards`, headers: admin })).json<Awards>();
    expect(budget).toMatchObject({ totalWan: 1500, countyWan: 2000, subsidiesWan: 0, paidWan: 2000, overBudget: true, shortfallWan: 500 });

    const res = await t.app.inject({ url: `${P}/awards.xlsx`, headers: admin });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = Array.from(wb.getWorksheet('预算')!.getSheetValues(), (r) => (Array.isArray(r) ? (r as unknown[]) : []));
    const over = rows.find((r) => r.includes('超出预算（错误）'));
    expect(over).toEqual(expect.arrayContaining([500, expect.stringContaining('县区奖励 2000 万元超出预算总额 1500 万元')]));
  });

  it('the workbook shows the factor exactly: its 4 decimals and its fraction', async () => {
    const admin = await t.login('admin');
    await t.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: 2100 } }); // 100 of 137
    const res = await t.app.inject({ url: `${P}/awards.xlsx`, headers: admin });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = Array.from(wb.getWorksheet('预算')!.getSheetValues(), (r) => (Array.isArray(r) ? (r as unknown[]) : []));
    expect(rows.find((r) => r.includes('企业补助'))).toEqual(expect.arrayContaining([expect.stringContaining('0.7299（精确值 100/137）')]));
  });

  it('GET …/budget is the setting in force now, not the one a finalized table was frozen with', async () => {
    const [admin, leader] = [await t.login('admin'), await t.login('leader')];
    const get = async () => (await t.app.inject({ url: `${P}/budget`, headers: admin })).json<BudgetSetting>();
    expect(await get()).toEqual({ policyId: POLICY_ID, totalWan: null, source: 'none', policyTotalWan: null });
    expect((await t.app.inject({ method: 'POST', url: `${P}/finalize`, headers: leader })).statusCode).toBe(200);
    await t.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: 2100 } });
    expect(await get()).toMatchObject({ totalWan: 2100, source: 'admin' });
    // the frozen table keeps its own
    expect((await t.app.inject({ url: `${P}/awards`, headers: admin })).json<Awards>().budget.totalWan).toBeNull();
  });
});
