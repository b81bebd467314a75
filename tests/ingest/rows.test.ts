import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { creditCode } from '../fixtures/creditCodes';
import { errorCells, parse, values } from './helpers';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('header units convert columns exactly', () => {
  it('元 in a 万元 column divides by 10,000; 千元 by 10', async () => {
    const result = await parse('unit-targets', 't.csv', '单位,产值目标（元）,投资目标（千元）\n城中区,612000000,100000.5\n');
    expect(values(result)).toEqual({ '450202/output': '61200', '450202/investment': '10000.05' });
  });

  it('a cost column in 万元 multiplies by 10,000 to yuan, to the fen', async () => {
    const csv = `申报编号,企业名称,统一社会信用代码,类别,申报费用（万元）\nC1,甲公司,${creditCode(1)},认证,23.7\nC2,乙公司,${creditCode(2)},认证,0.0000001\n`;
    const result = await parse('subsidy-applications', 's.csv', csv);
    expect(JSON.parse(result.entries[0]!.value)).toMatchObject({ costFen: 23_700_000, kind: 'certification', aboveSize: null, date: null, declaration: null, item: '' });
    expect(errorCells(result)).toEqual([[3, '申报费用（万元）', 'bad_amount']]); // 0.001 元 is not to the fen
  });

  it('a cost in a number cell is the amount Excel shows, to the fen: never rounded to it', async () => {
    const costs = [237000, 1234.56, 0.1 + 0.2, 66000.00000000001, 1234.565, -5, 0];
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet('申报');
      ws.addRow(['申报编号', '企业名称', '统一社会信用代码', '类别', '申报费用（元）']);
      costs.forEach((cost, i) => ws.addRow([`C${i + 1}`, `企业${i + 1}`, creditCode(i + 1), '认证', cost]));
    });
    const result = await parse('subsidy-applications', 's.xlsx', data);
    const fen = Object.fromEntries(result.entries.map((e) => [e.key, (JSON.parse(e.value) as { costFen: number }).costFen]));
    // 0.30000000000000004 and 66000.00000000001 show as 0.3 and 66000 (15 significant digits)
    expect(fen).toEqual({ C1: 23_700_000, C2: 123_456, C3: 30, C4: 6_600_000, C7: 0 });
    expect(errorCells(result)).toEqual([[6, '申报费用（元）', 'bad_amount'], [7, '申报费用（元）', 'negative_value']]);
  });
});

describe('rows that are not data', () => {
  it('skips empty rows, rows filled only in 序号, footnotes and the template\'s 示例 row', async () => {
    const csv = ['序号,单位,规上工业总产值目标,备注', '1,城中区,60000,示例（本行不会被读取）', '2,,,', '3,鱼峰区,70000,', ',,,', ',注：数据来源于市统计局,,', ',填表人：张三,,', '注：under 序号 the row has nothing to read,,,'].join('\n');
    const result = await parse('unit-targets', 't.csv', csv);
    expect(values(result)).toEqual({ '450203/output': '70000' });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual([[2, 'example_row_skipped'], [6, 'note_row_skipped'], [7, 'note_row_skipped']]);
    expect(result.rowsRead).toBe(1);
  });

  it.each(['合计', '总计', '全市', '小计', '全市合计', '合 计', '合计：', 'Total', '柳州市', '柳州市合计'])('skips a total row named %s', async (label) => {
    const result = await parse('unit-targets', 't.csv', `单位,产值目标\n城中区,1\n${label},99\n`);
    expect(values(result)).toEqual({ '450202/output': '1' });
    expect(result.warnings.map((w) => w.code)).toEqual(['total_row_skipped']);
  });

  it('refuses headers with nothing under them to store (a blank template, or totals and notes only)', async () => {
    const blank = await parse('unit-actuals', 'a.csv', '单位,月份,规上工业总产值（万元）\n');
    expect(errorCells(blank)).toEqual([[null, null, 'no_rows']]);
    expect(blank.errors[0]!.message).toBe('工作表“a.csv”有表头，但表头下没有可保存的数据行（合计、注释、示例和空行不计）。请在表头下逐行填写数据后重新上传');
    expect(blank.entries).toEqual([]);

    const data = await workbook((wb) => {
      const sheet = wb.addWorksheet('8月');
      sheet.addRow(['单位', '产值8月']);
      sheet.addRow(['城中区', null]);
      sheet.addRow(['合计', 5]);
      sheet.addRow(['注：数据来源于市统计局']);
    });
    const totalsOnly = await parse('unit-actuals', 'a.xlsx', data, { lang: 'en' });
    expect(errorCells(totalsOnly)).toEqual([[null, null, 'no_rows']]);
    expect(totalsOnly.errors[0]!.message).toContain('Sheet "8月" has its headers but no data rows under them to store');
  });

  it('warns about columns it does not know, but not about 序号 or 备注', async () => {
    const result = await parse('unit-targets', 't.csv', '序号,单位,产值目标,完成率,备注\n1,城中区,1,50%,x\n');
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[1, '完成率', 'column_ignored']]);
  });
});

describe('targets', () => {
  it('refuses a zero target: a completion rate cannot divide by it', async () => {
    const result = await parse('unit-targets', 't.csv', '单位,产值目标,投资目标\n城中区,0,\n');
    expect(errorCells(result)).toEqual([[2, '产值目标', 'non_positive_target']]);
  });

  it('does not take an actuals column for a target', async () => {
    const result = await parse('unit-targets', 't.csv', '单位,规上工业总产值\n城中区,1\n');
    expect(errorCells(result)).toEqual([[null, null, 'no_header']]);
  });
});

describe('workbooks with several sheets', () => {
  it('reads every visible sheet with a header, ignores hidden ones and finds duplicates across sheets', async () => {
    const data = await workbook((wb) => {
      const july = wb.addWorksheet('7月');
      july.addRow(['单位', '月份', '产值']);
      july.addRow(['城中区', 7, 100]);
      const august = wb.addWorksheet('8月');
      august.addRow(['单位', '月份', '产值']);
      august.addRow(['城中区', 8, 200]);
      august.addRow(['城中区', 7, 150]);
      const hidden = wb.addWorksheet('旧数据', { state: 'hidden' });
      hidden.addRow(['单位', '月份', '产值']);
      hidden.addRow(['城中区', 9, 999]);
      wb.addWorksheet('说明').addRow(['单位', '月份', '产值']);
    });
    const result = await parse('unit-actuals', 'two.xlsx', data);
    expect(values(result)).toEqual({ '450202/7/output': '100', '450202/8/output': '200' });
    expect(result.errors.map((e) => [e.sheet, e.row, e.code])).toEqual([['8月', 3, 'duplicate_key']]);
    expect(result.errors[0]!.message).toContain('工作表“7月”第 2 行');
  });

  it('reads rich text and hyperlink cells as their text', async () => {
    const data = await workbook((wb) => {
      const sheet = wb.addWorksheet('s');
      sheet.addRow([{ richText: [{ text: '单' }, { text: '位' }] }, '产值目标']);
      sheet.addRow([{ text: '柳东新区', hyperlink: 'https://example.org' }, { richText: [{ text: '1,000' }] }]);
    });
    expect(values(await parse('unit-targets', 'r.xlsx', data))).toEqual({ 'LZ-LD/output': '1000' });
  });
});

describe('units by name, code or alias', () => {
  it.each([
    ['城中区', '450202'],
    ['450202', '450202'],
    [' 城 中 ', '450202'],
    ['融水', '450225'],
    ['三江县', '450226'],
    ['柳州高新区', 'LZ-LD'],
    ['阳和工业新区(北部生态新区)', 'LZ-BB'],
    ['阳和工业新区（北部生态新区）', 'LZ-BB'],
    ['北部生态新区', 'LZ-BB'],
    ['lz-bb', 'LZ-BB'],
  ])('%s → %s', async (name, unitId) => {
    const result = await parse('unit-targets', 't.csv', `单位,产值目标\n${name},1\n`);
    expect(Object.keys(values(result))).toEqual([`${unitId}/output`]);
  });

  it('lists some valid names when a unit is unknown', async () => {
    const result = await parse('unit-targets', 't.csv', '单位,产值目标\n城东区,1\n');
    expect(errorCells(result)).toEqual([[2, '单位', 'unknown_unit']]);
    expect(result.errors[0]!.message).toContain('“城中区”');
  });

  it('reads industries by name, short name or alias, and refuses others', async () => {
    const csv = '产业,月份,累计增速\n智能网联及新能源汽车产业,8,1\n纸业,8,2\n造船,8,3\n';
    const result = await parse('industry-output', 'i.csv', csv);
    expect(values(result)).toEqual({ 'nev/8/growth': '1', 'forest-paper/8/growth': '2' });
    expect(errorCells(result)).toEqual([[4, '产业', 'unknown_industry']]);
  });

  it('accepts industry months 1–12 but not another year', async () => {
    const result = await parse('industry-output', 'i.csv', '产业,月份,增速\n新能源,1-3月,1\n新能源,2025-12,2\n');
    expect(values(result)).toEqual({ 'new-energy/3/growth': '1' });
    expect(errorCells(result)).toEqual([[3, '月份', 'month_outside_policy']]);
  });
});

describe('a "单位：…" note above the header', () => {
  it('sets the unit of money columns whose header names none', async () => {
    const csv = '各县区三季度目标（单位：亿元）\n单位,产值目标,投资目标（万元）\n城中区,1.02,3500\n';
    expect(values(await parse('unit-targets', 't.csv', csv))).toEqual({ '450202/output': '10200', '450202/investment': '3500' });
  });

  it('changes nothing when it says 万元', async () => {
    const csv = ',单位：万元\n单位,产值目标\n城中区,1.02\n';
    expect(values(await parse('unit-targets', 't.csv', csv))).toEqual({ '450202/output': '1.02' });
  });
});
