import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../server/src/ingest';
import { UPLOAD_KINDS_FOR_TEST, liuzhou, parse, values } from './helpers';

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buffer).buffer);
  return wb;
}

const headerRow = (sheet: ExcelJS.Worksheet) => (sheet.getRow(2).values as unknown[]).slice(1);

describe('upload templates (SPEC §11 "Upload columns")', () => {
  it('has the Chinese headers of the spec under a title row, frozen, with 填写说明', async () => {
    const wb = await open(await buildTemplate('unit-actuals', liuzhou));
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('促进2026年三季度柳州市工业稳增长的若干措施');
    expect(headerRow(sheet)).toEqual(['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）', '备注']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const instructions = wb.getWorksheet('填写说明')!;
    const text = instructions.getSheetValues().flat().join('\n');
    expect(text).toContain('规上工业总产值（万元）');
    expect(text).toContain('合计行');
  });

  it.each([
    ['unit-targets', ['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）', '备注']],
    ['industry-output', ['产业', '月份', '本年累计（万元）', '上年同期累计（万元）', '累计增速（%）', '备注']],
    ['subsidy-applications', ['申报编号', '企业名称', '统一社会信用代码', '是否规上', '类别', '项目名称', '日期', '申报费用（元）', '认证类型', '信用承诺', '备注']],
    ['credit-blacklist', ['统一社会信用代码', '企业名称', '列入日期', '备注']],
  ] as const)('%s has the spec headers', async (kind, headers) => {
    const wb = await open(await buildTemplate(kind, liuzhou));
    expect(headerRow(wb.worksheets[0]!)).toEqual(headers);
  });

  it('offers drop-down lists of units, policy months, kinds and 是/否', async () => {
    const actuals = (await open(await buildTemplate('unit-actuals', liuzhou))).worksheets[0]!;
    expect(actuals.getCell('A10').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$12"] });
    expect(actuals.getCell('B10').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$C$1:$C$3"] });
    const lists = (await open(await buildTemplate('unit-actuals', liuzhou))).getWorksheet('选项')!;
    expect(lists.state).toBe('veryHidden');
    expect(lists.getCell('A1').value).toBe('城中区');
    expect([lists.getCell('C1').value, lists.getCell('C3').value]).toEqual([7, 9]);
    const subsidies = (await open(await buildTemplate('subsidy-applications', liuzhou))).worksheets[0]!;
    expect(subsidies.getCell('E5').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$D$1:$D$3"] });
    expect(subsidies.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$E$1:$E$2"] });
    expect(subsidies.getCell('C5').numFmt).toBe('@'); // credit codes as text
  });

  it.each(UPLOAD_KINDS_FOR_TEST)('%s: the empty template is read, its 示例 row skipped, and refused as holding no data', async (kind) => {
    const result = await parse(kind, 'template.xlsx', await buildTemplate(kind, liuzhou));
    expect(result.errors.map((e) => e.code)).toEqual(['no_rows']); // its headers were found: not no_header
    expect(result.entries).toEqual([]);
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual([[3, 'example_row_skipped']]);
  });

  it.each(UPLOAD_KINDS_FOR_TEST)('%s: the example row reads cleanly once its 示例 mark is removed', async (kind) => {
    const wb = await open(await buildTemplate(kind, liuzhou));
    const sheet = wb.worksheets[0]!;
    sheet.getCell(3, sheet.getRow(2).cellCount).value = null;
    const result = await parse(kind, 'filled.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result.errors).toEqual([]);
    expect(result.entries.length).toBeGreaterThan(0);
  });

  it('the unit-actuals example reads as the figures shown', async () => {
    const wb = await open(await buildTemplate('unit-actuals', liuzhou));
    wb.worksheets[0]!.getCell('E3').value = null;
    const result = await parse('unit-actuals', 'filled.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(values(result)).toEqual({ '450202/8/output': '41200', '450202/8/investment': '6123.5' });
  });
});

describe('templates print right on A4 (issue 13)', () => {
  it.each(UPLOAD_KINDS_FOR_TEST)('%s: A4 filling the width, title and headers repeated, header row fitting its text', async (kind) => {
    const wb = await open(await buildTemplate(kind, liuzhou));
    const data = wb.worksheets[0]!;
    const columns = (data.getRow(2).values as unknown[]).length - 1;
    const orientation = columns > 6 ? 'landscape' : 'portrait';
    expect(data.pageSetup).toMatchObject({ paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    const widths = Array.from({ length: columns }, (_, i) => data.getColumn(i + 1).width ?? 0);
    const fits = Math.floor(((((orientation === 'landscape' ? 297 : 210) - 0.8 * 25.4) / 25.4) * 96 - 5 * columns) / 7);
    const total = widths.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(fits);
    expect(total).toBeGreaterThan(fits - 1);
    const cjkLines = (text: string, width: number) => Math.ceil([...text].reduce((w, ch) => w + (/[\u2e80-\uffdc]/.test(ch) ? 2 : 1), 0) / (width - 1));
    const lines = Math.max(...widths.map((w, i) => cjkLines(String(data.getCell(2, i + 1).value), w)));
    expect(data.getRow(2).height).toBeGreaterThanOrEqual(lines * 15);
    const notes = wb.getWorksheet('填写说明')!;
    expect(notes.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    notes.eachRow((row) => expect(row.height ?? 15).toBeGreaterThanOrEqual(15));
  });
});
