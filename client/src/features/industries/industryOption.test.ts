import { describe, expect, it } from 'vitest';
import type { IndustryRow } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { toIndustryGrowthOption, toIndustryTrendOption } from './industryOption';

const t = translator('zh-CN');
const point = (month: number, growth: number | null, computed = false) => ({ month, growth, computed, output: null, outputLastYear: null });
const rows: IndustryRow[] = [
  {
    industryId: 'ai-robotics', name: '人工智能终端及机器人产业', shortName: '人工智能终端及机器人',
    target: { kind: 'growthAtLeast', pct: 30 }, targetText: '增长30%以上',
    series: [point(7, 28.5), point(8, 31.2)], latest: { month: 8, growth: 31.2 }, status: 'on_track',
  },
  {
    industryId: 'steel', name: '钢铁及关键金属新材料产业', shortName: '钢铁及关键金属新材料',
    target: { kind: 'declineNarrowing', mode: 'eachMonth' }, targetText: '降幅持续收窄',
    series: [point(6, -9.1), point(7, -8.2), point(8, -6.5, true)], latest: { month: 8, growth: -6.5 }, status: 'on_track',
  },
  {
    industryId: 'other', name: '其他重点产业', shortName: '其他重点产业',
    target: null, targetText: '未设数值目标', series: [], latest: null, status: 'no_target',
  },
];

describe('toIndustryGrowthOption', () => {
  it('draws the latest growth with its status, and a marker at a numeric target only', () => {
    const option = toIndustryGrowthOption(rows, t);
    const series = (option.series as Array<{ data: Array<{ value: number | null }>; markPoint: { data: Array<{ coord: [number, string] }> } }>)[0]!;
    expect(series.data.map((d) => d.value)).toEqual([31.2, -6.5, null]);
    expect(series.markPoint.data.map((d) => d.coord)).toEqual([[30, '人工智能终端及机器人']]);
    // The readings are a column on the right, row by row, clear of the bars and the markers.
    const [names, readings] = option.yAxis as Array<{ data: string[]; position?: string }>;
    expect(names!.data).toEqual(['人工智能终端及机器人', '钢铁及关键金属新材料', '其他重点产业']);
    expect(readings).toMatchObject({ position: 'right', data: ['+31.20%  进度正常', '-6.50%  进度正常', '无目标'] });
  });
});

describe('toIndustryTrendOption', () => {
  it('draws January–September with gaps where no figure landed, computed rates hollow', () => {
    const option = toIndustryTrendOption(rows, { from: 1, to: 9 }, t);
    expect((option.xAxis as { data: string[] }).data).toHaveLength(9);
    const steel = (option.series as Array<{ name: string; data: Array<null | { value: number; symbol: string; name?: string }> }>)[1]!;
    expect(steel.name).toBe('钢铁及关键金属新材料');
    expect(steel.data.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(steel.data[5]).toEqual({ value: -9.1, symbol: 'circle', symbolSize: 6 });
    expect(steel.data[7]).toEqual({ value: -6.5, symbol: 'emptyCircle', symbolSize: 8, name: '推算（非可比口径）' });
    expect(steel.data[8]).toBeNull();
  });

  it('names the industries as the page asks (English short names), the target marker on the same row', () => {
    const english: Record<string, string> = { 'ai-robotics': 'AI & robotics', steel: 'Steel & metals', other: 'Other' };
    const option = toIndustryTrendOption(rows, { from: 1, to: 9 }, translator('en'), { name: (r) => english[r.industryId] ?? r.shortName });
    expect((option.series as Array<{ name: string }>).map((s) => s.name)).toEqual(['AI & robotics', 'Steel & metals', 'Other']);
    const growth = toIndustryGrowthOption(rows, translator('en'), { name: (r) => english[r.industryId] ?? r.shortName });
    const series = (growth.series as Array<{ markPoint: { data: Array<{ coord: [number, string] }> } }>)[0]!;
    expect(series.markPoint.data[0]!.coord).toEqual([30, 'AI & robotics']);
  });

  it('starts the plot below the legend however many rows it wraps into at the width given', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...rows[0]!, industryId: `i${i}`, shortName: `产业名称很长的第${i}个` }));
    const wide = toIndustryTrendOption(ten, { from: 1, to: 9 }, t, { width: 1200 });
    const phone = toIndustryTrendOption(ten, { from: 1, to: 9 }, t, { width: 320 });
    const top = (o: typeof wide) => (o.grid as { top: number }).top;
    // 10 names of ~9 CJK characters (~143 px each with the icon): 2 rows at 1200 px, 5 at 320 px
    expect(top(wide)).toBe(2 * 24 + 20);
    expect(top(phone)).toBe(5 * 24 + 20);
  });
});
