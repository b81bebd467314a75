import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { creditCode } from '../fixtures/creditCodes';
import { parse } from './helpers';

describe('large files', () => {
  // Correctness at size; the speed is measured by npm run bench, never asserted in a test.
  it('reads a 100,000-row subsidy-applications CSV, every row exactly', async () => {
    const lines = ['申报编号,企业名称,统一社会信用代码,是否规上,类别,项目名称,日期,申报费用（元）,认证类型,信用承诺'];
    for (let i = 0; i < 100_000; i++) {
      const kind = ['展会', '自办活动', '国际认证'][i % 3];
      lines.push(`P${i},企业${i % 5000},${creditCode(i % 5000)},是,${kind},"项目,${i}",2026-0${1 + (i % 9)}-15,"${(i % 900) + 100},${String(i % 1000).padStart(3, '0')}.${String(i % 100).padStart(2, '0')}",,是`);
    }
    const data = Buffer.from(lines.join('\r\n'));
    const result = await parse('subsidy-applications', 'big.csv', data);
    expect(result.errors).toEqual([]);
    expect(result.rowsRead).toBe(100_000);
    expect(result.entries).toHaveLength(100_000);
    expect(JSON.parse(result.entries[12_345]!.value)).toMatchObject({ applicationId: 'P12345', costFen: 74534545, date: '2026-07-15', kind: 'exhibition' });
  });

  it('reads a 50,000-row unit-actuals XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('s');
    sheet.addRow(['单位', '月份', '产值', '投资']);
    for (let i = 0; i < 50_000; i++) sheet.addRow(['城中区', 8, i, i]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await parse('unit-actuals', 'big.xlsx', data);
    expect(result.rowsRead).toBe(50_000);
    // the same unit and month 50,000 times: one entry per figure, every other row a duplicate
    expect(result.entries).toHaveLength(2);
    expect(result.errors.filter((e) => e.code === 'duplicate_key')).toHaveLength(1000);
    expect(result.errors.at(-1)).toMatchObject({ code: 'more_errors', message: expect.stringContaining('48999') });
  }, 60_000);
});
