import { describe, expect, it } from 'vitest';
import { errorCells, parse, parseFixture, values } from './helpers';

// Two-row headers: a group label merged across its sub-headers, as statistical tables are laid out.

describe('unit targets XLSX with a title and a two-row grouped header (目标 / 上年完成)', () => {
  it('reads 规上工业总产值 + 目标 and 工业投资 + 目标, the group\'s 亿元 converting its sub-column', async () => {
    const result = await parseFixture('unit-targets', 'unit-targets-grouped.xlsx');
    expect(values(result)).toEqual({
      '450202/output': '60000', // 6 亿元
      '450202/investment': '10000',
      '450203/output': '10200', // "1.02" 亿元, exactly
      '450203/investment': '12000.5', // the 工业投资 group is in 万元
      'LZ-LD/investment': '30000', // its output target "待定" is an error
      '450226/output': '25000', // 三江; investment blank: no figure yet
    });
    // data starts below the second header row, with the spreadsheet's own row numbers
    expect(result.entries.filter((e) => e.key.startsWith('450202/')).map((e) => e.row)).toEqual([4, 4]);
    expect(result.rowsRead).toBe(4);
  });

  it('names a faulty cell by its row and its grouped header as written', async () => {
    const result = await parseFixture('unit-targets', 'unit-targets-grouped.xlsx');
    expect(errorCells(result)).toEqual([[6, '规上工业总产值（亿元）/目标', 'not_a_number']]);
    expect(result.errors[0]).toMatchObject({ sheet: '三季度目标', value: '待定' });
    expect(result.errors[0]!.message).toContain('第 6 行“规上工业总产值（亿元）/目标”列');
  });

  it('warns that the 上年完成 columns are not read, and skips the 合计 row', async () => {
    const result = await parseFixture('unit-targets', 'unit-targets-grouped.xlsx');
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, '规上工业总产值（亿元）/上年完成', 'column_ignored'],
      [2, '工业投资（万元）/上年完成', 'column_ignored'],
      [8, '单位', 'total_row_skipped'],
    ]);
  });
});

describe('unit actuals XLSX with 本月止累计 under each group', () => {
  it('reads the cumulative columns, not the growth rate beside them, and never the sub-header row as data', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-grouped.xlsx');
    expect(values(result)).toEqual({
      '450202/8/output': '41200',
      '450202/8/investment': '6123.5',
      '450204/8/output': '20000', // "20,000" as text
      '450204/8/investment': '3000',
      '450225/8/investment': '800', // 融水
      'LZ-BB/8/output': '30500.5', // 阳和
    });
    expect(errorCells(result)).toEqual([[6, '规上工业总产值（万元）/本月止累计', 'not_a_number']]);
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[2, '规上工业总产值（万元）/同比增长（%）', 'column_ignored']]);
  });
});

describe('grouped headers in CSV, where a group label is written once over blank cells', () => {
  it('reads this year\'s group and leaves a prior-year group unread, with a warning', async () => {
    // "上年同期" over "规上工业总产值" is last year's figure: its sub-header alone must not map (it
    // would collide with this year's column and refuse a good file)
    const csv = '单位,月份,本月止累计,,上年同期,\n,,规上工业总产值,工业投资,规上工业总产值,工业投资\n城中区,9月,61200,9000,58000,8800\n';
    const result = await parse('unit-actuals', 'actuals.csv', csv);
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ '450202/9/output': '61200', '450202/9/investment': '9000' });
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([
      ['column_ignored', '上年同期/规上工业总产值'],
      ['column_ignored', '上年同期/工业投资'],
    ]);
  });

  it('carries 规上工业总产值 across to 完成 and takes 目标 for targets', async () => {
    const csv = '单位,规上工业总产值（亿元）,,工业投资（万元）,\n,目标,完成,目标,完成\n城中区,6,6.12,10000,9000\n鱼峰区,7.5,,12000,\n';
    const targets = await parse('unit-targets', 'targets.csv', csv);
    expect(targets.errors).toEqual([]);
    expect(values(targets)).toEqual({
      '450202/output': '60000', '450202/investment': '10000', '450203/output': '75000', '450203/investment': '12000',
    });
  });

  it('takes 完成 for actuals: SPEC §4 worked example, 61,200 of output and 9,000 of investment', async () => {
    const csv = '单位,月份,规上工业总产值（万元）,,工业投资（万元）,\n,,目标,完成,目标,完成\n城中区,9月,60000,61200,10000,9000\n';
    const actuals = await parse('unit-actuals', 'actuals.csv', csv);
    expect(actuals.errors).toEqual([]);
    expect(values(actuals)).toEqual({ '450202/9/output': '61200', '450202/9/investment': '9000' });
    expect(actuals.entries.map((e) => e.row)).toEqual([3, 3]);
  });

  it('reads industry figures under a 规上工业总产值 group of 本年累计 / 上年同期 / 累计增速（%）', async () => {
    const csv = '产业,月份,规上工业总产值（万元）,,\n,,本年累计,上年同期,累计增速（%）\n新能源汽车,8,2345678,2100000,11.7\n';
    const result = await parse('industry-output', 'industries.csv', csv);
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ 'nev/8/output': '2345678', 'nev/8/outputLastYear': '2100000', 'nev/8/growth': '11.7' });
  });

  it('reads a group label above its columns too: 三季度目标 over 规上工业总产值 / 工业投资', async () => {
    const csv = '单位,三季度目标（万元）,\n,规上工业总产值,工业投资\n柳江区,80000,15000\n';
    const result = await parse('unit-targets', 'targets.csv', csv);
    expect(values(result)).toEqual({ '450206/output': '80000', '450206/investment': '15000' });
  });
});

describe('one-row headers stay one-row', () => {
  it('reads a first data row with its unit cell blank as data, and reports the missing unit', async () => {
    const csv = '单位,月份,规上工业总产值（万元）,工业投资（万元）\n,8,100,200\n城中区,8,41200,6000\n';
    const result = await parse('unit-actuals', 'actuals.csv', csv);
    expect(errorCells(result)).toEqual([[2, '单位', 'missing_value']]);
    expect(values(result)).toEqual({ '450202/8/output': '41200', '450202/8/investment': '6000' });
  });

  it('does not read a merged title row as a group over the header below it', async () => {
    const result = await parseFixture('industry-output', 'industry-output-fullwidth.xlsx');
    expect(result.warnings.map((w) => w.column)).toEqual(['产业名称']);
  });
});
