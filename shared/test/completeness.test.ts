import { describe, expect, it } from 'vitest';
import { periodGaps, type UnitFigures } from '../src';
import { liuzhou } from './fixtures';

const { policy, registry } = liuzhou();
const complete = (): UnitFigures => ({ targets: { output: '10000', investment: '1000' }, actuals: { 9: { output: '10000', investment: '1000' } } });

describe('whether a period can be finalized (SPEC §9, issue 11)', () => {
  it('is complete when every unit has the last month (9) of every indicator and a target', () => {
    const figures = Object.fromEntries(policy.units.map((u) => [u, complete()]));
    expect(periodGaps({ policy, registry, figures, disqualified: {} })).toEqual([]);
  });

  it('names each unit lacking the last month, a target or a non-zero target; a disqualified unit is not waited for', () => {
    const figures = Object.fromEntries(policy.units.map((u) => [u, complete()]));
    const [a, b, c, d] = policy.units;
    figures[a!] = { ...complete(), actuals: { 8: { output: '9000', investment: '900' } } }; // August only
    figures[b!] = { ...complete(), targets: { output: '0', investment: '1000' } }; // a zero target cannot be scored
    figures[c!] = { targets: { output: '10000', investment: '1000' }, actuals: { 9: { output: '10000' } } };
    delete figures[d!]; // nothing at all — but disqualified
    expect(periodGaps({ policy, registry, figures, disqualified: { [d!]: { reason: '一票否决' } } })).toEqual([
      { unitId: a, unitName: '城中区', month: 9, missing: ['output.actual', 'investment.actual'] },
      { unitId: b, unitName: '鱼峰区', month: 9, missing: ['output.target'] },
      { unitId: c, unitName: '柳南区', month: 9, missing: ['investment.actual'] },
    ]);
  });
});
