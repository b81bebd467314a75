import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { policySchema, type Policy } from '@scoreboard/shared';
import { buildTemplate } from '../../server/src/ingest';
import { kindSpec } from '../../server/src/ingest/kinds';
import { indicatorColumns } from '../../server/src/ingest/kinds/indicators';
import { errorCells, liuzhou, parse as parseFile } from './helpers';

/**
 * Issue 13 item 3 / issue 9: the unit columns are built from the policy's indicators, through one
 * adapter (kinds/indicators.ts). A Q4-style policy — three indicators, one of them a count, with
 * extra header words, months 10–12 — must need no code: only this policy object.
 */
const base = liuzhou.policy;
const q4: Policy = policySchema.parse({
  ...base,
  policyId: 'q4-example',
  title: '2026年四季度示例政策',
  period: { ...base.period, label: '2026年四季度', labelEn: 'Q4 2026', start: '2026-10-01', end: '2026-12-31', months: [10, 11, 12] },
  validUntil: '2026-12-31',
  countyAward: {
    ...base.countyAward,
    indicators: [
      ...base.countyAward.indicators,
      { ...base.countyAward.indicators[0]!, indicatorId: 'newfirms', name: '新增规上工业企业数', shortName: '新增规上企业', nameEn: 'New above-size firms', measure: 'count', synonyms: ['新增入规企业'] },
    ],
  },
});

const parse = (policy: Policy, kind: 'unit-targets' | 'unit-actuals', csv: string) => parseFile(kind, 'f.csv', csv, { policy });

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buffer).buffer);
  return wb;
}

describe('indicator columns come from the policy', () => {
  it('reads today\'s policy: the SPEC §11 headers', () => {
    expect(kindSpec('unit-targets', base).columns.map((c) => [c.header, c.english])).toEqual([
      ['单位', 'unit'], ['规上工业总产值目标（万元）', 'outputTarget'], ['工业投资目标（万元）', 'investmentTarget'],
    ]);
    expect(kindSpec('unit-actuals', base).columns.map((c) => [c.header, c.english])).toEqual([
      ['单位', 'unit'], ['月份', 'month'], ['规上工业总产值（万元）', 'output'], ['工业投资（万元）', 'investment'],
    ]);
  });

  it('reads measure and synonyms from the policy, and names the period from its label', () => {
    expect(indicatorColumns(q4).map((i) => [i.indicatorId, i.measure])).toEqual([['output', 'wan'], ['investment', 'wan'], ['newfirms', 'count']]);
    const targets = kindSpec('unit-targets', q4);
    expect(targets.title).toBe('各单位四季度目标');
    expect(targets.columns.map((c) => c.header)).toEqual(['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）', '新增规上工业企业数目标（个）']);
    expect(targets.columns[3]).toMatchObject({ english: 'newfirmsTarget', type: 'count' });
  });

  it('reads a count column by its name, its synonyms or its id, as whole numbers and never converted', async () => {
    const result = await parse(q4, 'unit-targets', '单位,产值目标,新增规上企业目标,newfirmsTarget\n城中区,60000,3,\n');
    expect(errorCells(result)).toEqual([[1, 'newfirmsTarget', 'duplicate_column']]);
    const ok = await parse(q4, 'unit-targets', '单位,产值目标（亿元）,新增入规企业目标\n城中区,6,3\n鱼峰区,7,2.5\n');
    expect(ok.entries.map((e) => [e.key, e.value, e.indicator])).toEqual([
      ['450202/output', '60000', 'output'], ['450202/newfirms', '3', 'newfirms'], ['450203/output', '70000', 'output'],
    ]);
    expect(errorCells(ok)).toEqual([[3, '新增入规企业目标', 'not_whole_number']]);
  });

  it('takes actual months from the policy period: 11月 is in Q4, 8月 is not', async () => {
    const result = await parse(q4, 'unit-actuals', '单位,月份,新增规上工业企业数\n城中区,11月,4\n鱼峰区,8月,1\n');
    expect(result.entries.map((e) => [e.key, e.unitId, e.month, e.indicator])).toEqual([['450202/11/newfirms', '450202', 11, 'newfirms']]);
    expect(errorCells(result)).toEqual([[3, '月份', 'month_outside_policy']]);
    expect(result.errors[0]!.message).toContain('10月、11月、12月');
  });

  it('builds the template and its 填写说明 from the policy, with no period word of another policy', async () => {
    const wb = await open(await buildTemplate('unit-targets', { policy: q4, registry: liuzhou.registry }));
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）', '新增规上工业企业数目标（个）', '备注']);
    const text = wb.getWorksheet('填写说明')!.getSheetValues().flat().join('\n');
    expect(text).toContain('2026-10-01 至 2026-12-31（四季度）');
    expect(text).not.toContain('三季度');
    expect(text).toContain('新增规上工业企业数目标（个）');
  });
});
