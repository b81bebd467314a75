import { describe, expect, it } from 'vitest';
import type { UploadKind } from '@scoreboard/shared';
import { plausibilityWarnings, renderIssue } from '../../server/src/ingest';
import { liuzhou, parse } from './helpers';

/** Reads a CSV, then checks it against what is already stored. */
async function warningsFor(kind: UploadKind, csv: string, stored: Record<string, string> = {}) {
  const result = await parse(kind, 'p.csv', csv);
  expect(result.errors).toEqual([]);
  return plausibilityWarnings({ kind, entries: result.entries, current: (key) => stored[key] ?? null, policy: liuzhou.policy })
    .map((w) => [w.row, w.column, w.code]);
}

describe('SPEC §8 plausibility warnings (never errors)', () => {
  it('warns when a cumulative figure is lower than the stored month before', async () => {
    const warnings = await warningsFor('unit-actuals', '单位,月份,产值\n城中区,8,500\n', { '450202/7/output': '600' });
    expect(warnings).toEqual([[2, '产值', 'cumulative_decreased']]);
  });

  it('compares with the month before in the same file, once', async () => {
    const warnings = await warningsFor('unit-actuals', '单位,月份,产值,投资\n城中区,7,600,10\n城中区,8,500,10\n');
    expect(warnings).toEqual([[3, '产值', 'cumulative_decreased']]);
  });

  it('warns when a month is higher than the stored month after it', async () => {
    const warnings = await warningsFor('unit-actuals', '单位,月份,投资\n城中区,8,700\n', { '450202/9/investment': '650' });
    expect(warnings).toEqual([[2, '投资', 'cumulative_decreased']]);
  });

  it('is quiet when cumulative figures grow or hold', async () => {
    const warnings = await warningsFor('unit-actuals', '单位,月份,产值\n城中区,7,600\n城中区,8,600\n城中区,9,900\n', { '450202/output': '1000' });
    expect(warnings).toEqual([]);
  });

  it('warns on an actual more than three times its stored target, not at exactly three times', async () => {
    const stored = { '450202/output': '100', '450203/output': '100' };
    const warnings = await warningsFor('unit-actuals', '单位,月份,产值\n城中区,8,300.01\n鱼峰区,8,300\n', stored);
    expect(warnings).toEqual([[2, '产值', 'actual_exceeds_target']]);
  });

  it('warns on a new target a third of an actual already stored', async () => {
    const warnings = await warningsFor('unit-targets', '单位,产值目标\n城中区,100\n鱼峰区,100\n', { '450202/8/output': '301', '450203/8/output': '299' });
    expect(warnings).toEqual([[2, '产值目标', 'actual_exceeds_target']]);
  });

  it('warns on growth beyond ±100%', async () => {
    const csv = '产业,月份,累计增速\n新能源,8,150\n钢铁,8,-100\n化工,8,-100.5\n林产,8,100\n';
    expect(await warningsFor('industry-output', csv)).toEqual([
      [2, '累计增速', 'growth_out_of_range'],
      [4, '累计增速', 'growth_out_of_range'],
    ]);
  });

  it('warns when industry cumulative output falls from one month to the next', async () => {
    const warnings = await warningsFor('industry-output', '产业,月份,本年累计\n新能源,3,900\n', { 'new-energy/2/output': '1000' });
    expect(warnings).toEqual([[2, '本年累计', 'cumulative_decreased']]);
  });

  it('says what was compared, in Chinese', async () => {
    const result = await parse('unit-actuals', 'p.csv', '单位,月份,产值\n城中区,8,500\n');
    const [warning] = plausibilityWarnings({ kind: 'unit-actuals', entries: result.entries, current: () => '600', policy: liuzhou.policy });
    expect(renderIssue(warning!, 'zh').message).toBe('第 2 行：城中区 · 8月 · 规上工业总产值 的累计数 500 低于7月（已上传）的 600，累计数一般不会减少，请核对');
  });
});
