import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { toUnitOption, type UnitMonth } from './unitOption';

const t = translator('zh-CN');
const months: UnitMonth[] = [
  { month: 7, timeProgress: 33.3, result: { target: 60000, proratedTarget: 20000, actual: 21000, completionRate: 105, points: 52.5, place: null } },
  { month: 8, timeProgress: 66.7, result: { target: 60000, proratedTarget: 40000, actual: 40800, completionRate: 102, points: 51, place: null } },
  { month: 9, timeProgress: 100, result: undefined },
];

describe('toUnitOption', () => {
  it('puts the cumulative actual against the pro-rated target, month by month', () => {
    const option = toUnitOption(months, '规上工业总产值', '万元', t);
    expect((option.xAxis as { data: string[] }).data).toEqual(['7月', '8月', '9月']);
    const [bars, line] = option.series as Array<{ type: string; data: Array<number | null>; name: string }>;
    expect(bars!.type).toBe('bar');
    expect(bars!.data).toEqual([21000, 40800, null]);
    expect(line!.type).toBe('line');
    expect(line!.data).toEqual([20000, 40000, null]);
    expect(line!.name).toBe('序时目标（序时进度）');
  });
  it('labels each bar with its completion rate and marks the whole-period target', () => {
    const option = toUnitOption(months, '规上工业总产值', '万元', t);
    const bars = (option.series as Array<{ label: { formatter: (p: { dataIndex: number }) => string }; markLine: { data: unknown[] } }>)[0]!;
    expect(bars.label.formatter({ dataIndex: 1 })).toBe('102.00%');
    expect(bars.label.formatter({ dataIndex: 2 })).toBe('');
    expect(bars.markLine.data).toEqual([{ yAxis: 60000 }]);
  });
});
