import { describe, expect, it } from 'vitest';
import { applicationInputSchema } from '@scoreboard/shared';
import { creditCode } from '../fixtures/creditCodes';
import { errorCells, parseFixture, values } from './helpers';

// Each fixture is a file as statisticians make them; the numbers are what a user would check.

describe('unit actuals in GB18030 CSV with a title, a "单位：万元" note and a total row', () => {
  it('reads every figure under the header found on row 3, aliases resolved', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-gb18030.csv');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({
      '450202/8/output': '41200',
      '450202/8/investment': '6123.5',
      '450203/8/output': '52300.25',
      '450203/8/investment': '7000',
      '450225/8/output': '18000', // 融水县; its investment cell is blank: no figure yet, no key
      'LZ-BB/8/output': '30500.5', // 阳和
      'LZ-BB/8/investment': '4200',
    });
    expect(result.rowsRead).toBe(4);
  });

  it('keeps the file\'s own row numbers past a quoted note with a line break, and labels in Chinese', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-gb18030.csv');
    const row = (key: string) => result.entries.find((e) => e.key === key);
    expect(row('450225/8/output')).toMatchObject({ row: 6, sheet: 'unit-actuals-gb18030.csv', label: '融水苗族自治县 · 8月 · 规上工业总产值' });
    expect(row('LZ-BB/8/investment')?.row).toBe(7);
  });

  it('skips the 合计 row with a warning and never reads it as a unit', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-gb18030.csv');
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[8, '县（区）', 'total_row_skipped']]);
  });
});

describe('unit targets in UTF-8 CSV with a BOM', () => {
  it('reads names and codes, thousands separators and decimals exactly', async () => {
    const result = await parseFixture('unit-targets', 'unit-targets-utf8-bom.csv');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({
      '450202/output': '60000',
      '450202/investment': '10000',
      '450203/output': '75000',
      '450203/investment': '12000.5',
      'LZ-LD/output': '120000',
    });
  });
});

describe('unit targets in UTF-16 tab-separated text (Excel "Unicode 文本")', () => {
  it('reads the tab-separated columns under short header names', async () => {
    const result = await parseFixture('unit-targets', 'unit-targets-unicode.txt');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({ '450202/output': '60000', '450202/investment': '10000' });
  });
});

describe('unit actuals with English headers in another order', () => {
  it('maps columns by header, converts 亿元 and reads English unit names and month names', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-english.csv');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({
      '450202/8/investment': '6123.5',
      '450202/8/output': '10200', // 1.02 亿元
      '450203/9/investment': '7000',
      '450203/9/output': '5000', // 0.5 亿元
      'LZ-LD/9/output': '20000',
    });
  });
});

describe('unit actuals XLSX with two merged title rows and a 单位：万元 note', () => {
  it('finds the header on row 4 and reads merged unit cells, formula results, dates and text numbers', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-titled.xlsx');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({
      '450204/7/output': '20000',
      '450204/7/investment': '3000',
      '450204/8/output': '41000.5', // row 6: 柳南区 is merged down from row 5
      '450204/8/investment': '3500', // "3,500" as text
      '450205/8/output': '21000', // =D5+1000, its saved result
      '450205/8/investment': '2800.25',
      '450223/7/output': '15000', // month typed as a date, 2026-07
      '450223/7/investment': '1200',
      '450226/8/output': '9000', // "  9 000 " with stray spaces, month "1-8月"
      '450226/8/investment': '800',
    });
    expect(result.entries.filter((e) => e.key.startsWith('450204/8/')).map((e) => [e.sheet, e.row])).toEqual([['8月', 6], ['8月', 6]]);
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual([[11, 'total_row_skipped']]);
  });
});

describe('unit targets XLSX in 亿元', () => {
  it('converts each column exactly: 1.02 亿元 is 10200 万元, never 10199.999…', async () => {
    const result = await parseFixture('unit-targets', 'unit-targets-yi.xlsx');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({
      '450202/output': '10200',
      '450202/investment': '3500',
      '450203/output': '15000', // "1.5" stored as text
      '450203/investment': '1234.56',
      '450206/output': '123456.789',
      '450206/investment': '20000',
      '450222/output': '30000',
      '450222/investment': '3000', // =0.1+0.2 is 0.30000000000000004 in a double; Excel shows 0.3
    });
  });
});

describe('industry output XLSX with full-width digits, thousands separators and % signs', () => {
  it('reads every spelling of a number exactly', async () => {
    const result = await parseFixture('industry-output', 'industry-output-fullwidth.xlsx');
    expect(result.errors).toEqual([]);
    expect(values(result)).toEqual({
      'ai-robotics/8/output': '123456.7', // "１２３，４５６．７"
      'ai-robotics/8/outputLastYear': '100000',
      'ai-robotics/8/growth': '23.46', // "23.46%"
      'nev/8/output': '2345678',
      'nev/8/outputLastYear': '2100000',
      'nev/8/growth': '11.7', // 0.117 formatted as 0.0% in Excel
      'steel/8/output': '98765',
      'steel/8/outputLastYear': '105000',
      'steel/8/growth': '-5.9', // full-width minus
      'forest-paper/8/output': '50000',
      'forest-paper/8/growth': '-3.2', // "-3.2％"
    });
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[7, '产业名称', 'total_row_skipped']]);
  });
});

describe('subsidy applications with a bad check digit, a bad date and a duplicate id', () => {
  it('names each faulty row and column, and says what the check digit should be', async () => {
    const result = await parseFixture('subsidy-applications', 'subsidy-applications-errors.csv');
    expect(errorCells(result)).toEqual([
      [3, '统一社会信用代码', 'bad_credit_code'],
      [4, '日期', 'bad_date'], // 2026年2月30日 does not exist
      [5, '申报编号', 'duplicate_key'],
    ]);
    expect(result.errors[0]!.message).toContain(`第 18 位应为“${creditCode(2).slice(-1)}”`);
    expect(result.errors[2]!.message).toContain('第 2 行和第 5 行');
  });

  it('reads the good rows into application records, cost to the fen', async () => {
    const result = await parseFixture('subsidy-applications', 'subsidy-applications-errors.csv');
    const records = result.entries.map((e) => applicationInputSchema.parse(JSON.parse(e.value)));
    expect(records).toEqual([
      {
        applicationId: 'A001', enterpriseName: '柳州甲机械有限公司', creditCode: creditCode(1), aboveSize: true,
        kind: 'exhibition', item: '中国国际工业博览会', date: '2026-08-01', costFen: 23_700_000, certType: null, declaration: true,
      },
      {
        applicationId: 'A004', enterpriseName: '柳州戊化工有限公司', creditCode: creditCode(5), aboveSize: true, // √
        kind: 'event', item: '经销商大会', date: '2026-09-01', costFen: 1_999_999, certType: null, declaration: false, // ×
      },
    ]);
    expect(result.entries.map((e) => e.key)).toEqual(['A001', 'A004']);
  });
});

describe('credit blacklist CSV', () => {
  it('upper-cases codes and reads blank dates as null', async () => {
    const result = await parseFixture('credit-blacklist', 'credit-blacklist.csv');
    expect(result.errors).toEqual([]);
    expect(result.entries.map((e) => [e.key, JSON.parse(e.value)])).toEqual([
      [creditCode(7), { creditCode: creditCode(7), enterpriseName: '柳州己贸易有限公司', listedOn: '2026-03-01' }],
      [creditCode(8), { creditCode: creditCode(8), enterpriseName: '柳州庚建材有限公司', listedOn: null }],
    ]);
  });
});

describe('a unit-actuals file with every figure error', () => {
  it('reports all of them at once, each with its row, column and code', async () => {
    const result = await parseFixture('unit-actuals', 'unit-actuals-every-error.xlsx');
    expect(errorCells(result)).toEqual([
      [1, '产值', 'duplicate_column'],
      [3, '单位', 'duplicate_key'], // 城中 is 城中区, already on row 2
      [4, '单位', 'unknown_unit'],
      [5, '月份', 'bad_month'],
      [6, '月份', 'month_outside_policy'], // June is before the 7–9 period
      [7, '月份', 'month_outside_policy'], // 2025
      [8, '规上工业总产值（万元）', 'not_a_number'],
      [9, '规上工业总产值（万元）', 'negative_value'],
      [10, '月份', 'missing_value'],
      [11, '单位', 'missing_value'],
      [12, '规上工业总产值（万元）', 'formula_without_result'],
      [13, '规上工业总产值（万元）', 'not_a_number'], // #DIV/0!
      [14, '规上工业总产值（万元）', 'not_a_number'], // "1,23"
    ]);
    expect(result.errors.every((e) => e.sheet === '8月数据')).toBe(true);
    expect(result.errors.find((e) => e.code === 'unknown_unit')).toMatchObject({ value: '柳州市区' });
    expect(result.errors.find((e) => e.row === 6)!.message).toContain('7月、8月、9月');
  });
});

describe('a subsidy file with every record error', () => {
  it('reports all of them at once, each with its row, column and code', async () => {
    const result = await parseFixture('subsidy-applications', 'subsidy-applications-every-error.xlsx');
    expect(errorCells(result)).toEqual([
      [3, '申报编号', 'missing_value'],
      [4, '企业名称', 'missing_value'],
      [5, '统一社会信用代码', 'bad_credit_code'], // stored as a number: digits lost
      [6, '统一社会信用代码', 'bad_credit_code'], // "ABC"
      [7, '是否规上', 'bad_boolean'],
      [8, '类别', 'unknown_kind'],
      [9, '日期', 'bad_date'],
      [10, '申报费用（元）', 'bad_amount'], // 12.345 元 is not to the fen
      [11, '申报费用（元）', 'negative_value'],
      [12, '申报费用（元）', 'not_a_number'],
      [13, '申报费用（元）', 'missing_value'],
      [14, '申报编号', 'duplicate_key'], // B02 again, though row 5 has its own error
      [15, '统一社会信用代码', 'bad_credit_code'],
    ]);
    expect(result.entries.map((e) => e.key)).toEqual(['B00']);
  });
});
