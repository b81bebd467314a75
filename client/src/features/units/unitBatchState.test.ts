import { describe, expect, it } from 'vitest';
import type { Batch } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { describeUnitBatch, unitBatchState, unitKeyLabel } from './unitBatchState';

const zh = translator('zh-CN');
const indicators = [
  { indicatorId: 'output', name: '规上工业总产值', nameEn: 'Above-size industrial output' },
  { indicatorId: 'investment', name: '工业投资', nameEn: 'Industrial investment' },
];
const en = translator('en');
const at = (iso: string) => iso.slice(0, 10);
const batch = (over: Partial<Batch>): Batch => ({
  batchId: 7, policyId: 'liuzhou-2026-q3', kind: 'unit-actuals', fileName: '8月.csv', sha256: 'ab', rows: 12, keys: 22,
  uploadedBy: 'statistician', uploadedAt: '2026-08-10T02:00:00.000Z', revertedAt: null, revertedBy: null,
  unitKeys: 3, unitSupersededKeys: [], ...over,
});

describe('unitKeyLabel', () => {
  it('names targets and monthly actuals the way the tables do', () => {
    expect(unitKeyLabel('450202/output', indicators, 'zh-CN', zh)).toBe('规上工业总产值目标');
    expect(unitKeyLabel('450225/8/investment', indicators, 'zh-CN', zh)).toBe('8月工业投资');
    expect(unitKeyLabel('LZ-LD/9/output', indicators, 'en', en)).toBe('Sep Above-size industrial output'.replace('Sep', en('common.month', { month: 9 })));
    // an indicator of another policy is named by that policy
    expect(unitKeyLabel('LZ-LD/11/newfirms', [...indicators, { indicatorId: 'newfirms', name: '新增规上工业企业数', nameEn: 'New firms' }], 'zh-CN', zh)).toBe('11月新增规上工业企业数');
  });
});

describe('unitBatchState / describeUnitBatch', () => {
  it('in force when nothing later replaced its figures', () => {
    expect(unitBatchState(batch({}))).toBe('active');
    expect(describeUnitBatch(batch({}), indicators, 'zh-CN', zh, at)).toBe('有效');
  });
  it('partly in force names the replaced figures', () => {
    // the server lists keys alphabetically; the page follows the tables: by month, output first
    const b = batch({ unitKeys: 6, unitSupersededKeys: ['450225/7/investment', '450225/7/output', '450225/8/output'] });
    expect(unitBatchState(b)).toBe('partly');
    expect(describeUnitBatch(b, indicators, 'zh-CN', zh, at)).toBe('部分有效：7月规上工业总产值、7月工业投资、8月规上工业总产值已被后续批次替代');
  });
  it('fully replaced when every figure of the unit was restated later', () => {
    const b = batch({ unitKeys: 2, unitSupersededKeys: ['450202/output', '450202/investment'] });
    expect(unitBatchState(b)).toBe('superseded');
    expect(describeUnitBatch(b, indicators, 'en', en, at)).toBe('Fully replaced by later batches');
  });
  it('reverted wins over superseded: a reverted batch decides nothing', () => {
    const b = batch({ revertedAt: '2026-08-11T00:00:00.000Z', revertedBy: 'leader', unitSupersededKeys: ['450202/7/output'] });
    expect(unitBatchState(b)).toBe('reverted');
    expect(describeUnitBatch(b, indicators, 'zh-CN', zh, at)).toBe(zh('uploads.reverted', { by: 'leader', at: '2026-08-11' }));
  });
});
