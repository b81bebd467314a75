import { describe, expect, it } from 'vitest';
import { errorCells, parse, parseFixture, values } from './helpers';

/** SPEC §17: files as statisticians have them — no-figure marks, months in sub-headers, several sheets. */

describe('"—", "－", "/", "…" and "无" in a figure cell mean no figure, with a warning', () => {
  it('reads the other figures and names each mark\'s cell', async () => {
    const csv = '单位,月份,产值,投资\n城中区,8,—,100\n鱼峰区,8,－,/\n柳南区,8,…,无\n柳北区,8,——,...\n';
    const result = await parse('unit-actuals', 'marks.csv', csv);
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ '450202/8/investment': '100' });
    expect(result.warnings.map((w) => [w.row, w.column, w.value, w.code])).toEqual([
      [2, '产值', '—', 'no_figure'], [3, '产值', '－', 'no_figure'], [3, '投资', '/', 'no_figure'],
      [4, '产值', '…', 'no_figure'], [4, '投资', '无', 'no_figure'], [5, '产值', '——', 'no_figure'], [5, '投资', '...', 'no_figure'],
    ]);
    expect(result.warnings[0]!.message).toBe('第 2 行：“产值”列的“—”表示没有数据，未读取该数（已上传的数值不变）');
  });

  it('still refuses words that are not a figure ("待报", "待定")', async () => {
    const result = await parse('unit-targets', 't.csv', '单位,产值目标\n城中区,待报\n');
    expect(errorCells(result)).toEqual([[2, '产值目标', 'not_a_number']]);
  });
});

describe('"1-8月累计"-style sub-headers name the month', () => {
  it('reads a unit-actuals sheet with no month column, LibreOffice-made and in every format alike', async () => {
    for (const name of ['unit-actuals-subheaders.xlsx', 'unit-actuals-subheaders.xls', 'unit-actuals-subheaders.ods', 'unit-actuals-subheaders.html.xls']) {
      const result = await parseFixture('unit-actuals', name);
      expect(result.errors, name).toEqual([]);
      expect(values(result), name).toEqual({
        '450202/8/output': '41200', '450202/8/investment': '6123.5', '450204/8/output': '20000.25', '450225/8/investment': '800',
      });
      expect(result.warnings.map((w) => [w.row, w.code]), name).toEqual([
        [2, 'column_ignored'], [2, 'column_ignored'], [5, 'no_figure'], [5, 'no_figure'], [6, 'no_figure'], [7, 'no_figure'],
      ]);
    }
  });

  it('reads one month per header when a sheet holds several (1-7月累计, 1-8月累计)', async () => {
    const result = await parse('unit-actuals', 'wide.csv', '单位,1-7月累计产值,1-8月累计产值,2026年1-8月工业投资\n城中区,20000,41200,6000\n');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ '450202/7/output': '20000', '450202/8/output': '41200', '450202/8/investment': '6000' });
  });

  it('refuses a month outside the period, naming the header that says it', async () => {
    const result = await parse('unit-actuals', 'june.csv', '单位,规上工业总产值（万元）\n,1-6月累计\n城中区,100\n');
    expect(errorCells(result)).toEqual([[3, '规上工业总产值（万元）/1-6月累计', 'month_outside_policy']]);
  });

  it('reads industry figures whose cumulative column names the month', async () => {
    const result = await parse('industry-output', 'i.csv', '产业,1-8月累计,上年同期,累计增速（%）\n新能源汽车,2345678,2100000,11.7\n');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ 'nev/8/output': '2345678', 'nev/8/outputLastYear': '2100000', 'nev/8/growth': '11.7' });
  });

  it('keeps the month column when there is one: the sub-header month is then only a word', async () => {
    const result = await parse('unit-actuals', 'm.csv', '单位,月份,1-8月累计产值\n城中区,9月,61200\n');
    expect(values(result)).toEqual({ '450202/9/output': '61200' });
  });
});

describe('a workbook of several sheets', () => {
  it.each(['unit-actuals-sheets.xlsx', 'unit-actuals-sheets.xls', 'unit-actuals-sheets.ods', 'unit-actuals-sheets.et'])('%s: reads the sheet whose headers match, and says which', async (name) => {
    const result = await parseFixture('unit-actuals', name);
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ '450202/8/output': '41200', '450202/8/investment': '6123.5', '450203/8/output': '52300.25', '450203/8/investment': '7000' });
    expect(result.warnings.map((w) => [w.sheet, w.code, w.message])).toEqual([
      ['8月数据', 'sheets_read', '本文件有 2 个工作表，读取了“8月数据”；“封面”的表头不符，未读取'],
    ]);
    const en = await parse('unit-actuals', name, (await import('./helpers')).fixture(name), { lang: 'en' });
    expect(en.warnings[0]!.message).toBe('The file has 2 sheets; read "8月数据"; "封面" did not have matching headers and were not read');
  });
});
