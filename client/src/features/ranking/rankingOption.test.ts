import { describe, expect, it } from 'vitest';
import type { RankingRow } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { rankingBars, toRankingOption } from './rankingOption';

const t = translator('zh-CN');
const indicators = {
  output: { target: 60000, proratedTarget: 40000, actual: 40800, completionRate: 102, points: 51, place: null },
  investment: { target: 10000, proratedTarget: 6666.67, actual: 6000, completionRate: 90, points: 45, place: null },
};
function row(p: Partial<RankingRow> & Pick<RankingRow, 'unitId' | 'unitName'>): RankingRow {
  return { rank: null, previousRank: null, score: null, tied: false, award: 0, disqualified: null, missing: [], indicators, unpaid: null, tieBreak: null, ...p };
}
/** Q3: 50 + 50 base points, bonus capped at 10 each. */
const q3 = { onTargetScore: 100, maxScore: 120 };
const rows: RankingRow[] = [
  row({ unitId: '450202', unitName: '城中区', rank: 1, score: 110.5, award: 800 }),
  row({ unitId: '450203', unitName: '鱼峰区', rank: 2, score: 96, award: 425, tied: true }),
  row({ unitId: '450204', unitName: '柳南区', rank: 2, score: 96, award: 425, tied: true }),
  row({ unitId: '450205', unitName: '柳北区', rank: 6, score: 80.25, award: 0 }),
  row({ unitId: 'LZ-LD', unitName: '柳东新区', score: 115, disqualified: { reason: '重大安全事故' } }),
  row({ unitId: 'LZ-BB', unitName: '阳和工业新区（北部生态新区）', missing: ['investment.target'] }),
];

describe('toRankingOption', () => {
  it('draws one bar per scored unit, in ranking order, first place on top', () => {
    const option = toRankingOption({ rows }, t, q3);
    const [names] = option.yAxis as Array<{ data: string[]; inverse: boolean }>;
    expect(names!.inverse).toBe(true);
    expect(names!.data).toEqual(['城中区', '鱼峰区', '柳南区', '柳北区', '柳东新区']); // missing-data unit has no bar
    const series = (option.series as Array<{ data: Array<{ value: number }> }>)[0]!;
    expect(series.data.map((d) => d.value)).toEqual([110.5, 96, 96, 80.25, 115]);
  });

  it('labels bars with the score, the award badge, 并列 and 一票否决', () => {
    const labels = rankingBars(rows, t).map((b) => b.label);
    expect(labels[0]).toBe('110.50  奖励800万元');
    expect(labels[1]).toBe('96.00  奖励425万元  并列');
    expect(labels[3]).toBe('80.25');
    expect(labels[4]).toBe('115.00  一票否决');
  });

  it('marks the policy\'s on-target score (100 in Q3) as a line, labelled by what it means, above the plot', () => {
    const option = toRankingOption({ rows }, t, q3);
    const series = (option.series as Array<{ markLine: { data: Array<{ xAxis: number }>; label: { formatter: string; position: string } } }>)[0]!;
    expect(series.markLine.data).toEqual([{ xAxis: 100 }]);
    expect(series.markLine.label.formatter).toBe('达标线 100 分\n（各项指标均完成序时目标）');
    // At the top (the line starts there: the category axis is inverted), not at the bottom where
    // the score axis labels are; the grid leaves room above the plot for both lines.
    expect((option.yAxis as Array<{ inverse: boolean }>)[0]!.inverse).toBe(true);
    expect(series.markLine.label.position).toBe('start');
    expect((option.grid as { top: number }).top).toBeGreaterThanOrEqual(2 * 12 * 1.35);
    expect(toRankingOption({ rows }, translator('en'), q3).series).toMatchObject([{ markLine: { label: { formatter: 'On-target line: 100\n(every indicator meets its pro-rated target)' } } }]);
  });

  it('draws another policy\'s line where that policy puts it: 80 when the base points add up to 80', () => {
    const option = toRankingOption({ rows }, t, { onTargetScore: 80, maxScore: 96 });
    const series = (option.series as Array<{ markLine: { data: Array<{ xAxis: number }>; label: { formatter: string } } }>)[0]!;
    expect(series.markLine.data).toEqual([{ xAxis: 80 }]);
    expect(series.markLine.label.formatter).toBe('达标线 80 分\n（各项指标均完成序时目标）');
    const max = (option.xAxis as { max: (e: { max: number }) => number }).max;
    expect(max({ max: 50 })).toBe(100); // the most a unit can score (96), to a round ten
  });

  it('puts each reading in a column on the right, never on the plot where it would cross the line', () => {
    const option = toRankingOption({ rows }, t, q3);
    const [, readings] = option.yAxis as Array<{ data: string[]; position?: string }>;
    expect(readings!.position).toBe('right');
    expect(readings!.data).toEqual(['110.50  奖励800万元', '96.00  奖励425万元  并列', '96.00  奖励425万元  并列', '80.25', '115.00  一票否决']);
    const series = (option.series as Array<{ data: Array<{ label?: unknown }>; label?: unknown }>)[0]!;
    expect(series.label).toBeUndefined();
    expect(series.data.every((d) => d.label === undefined)).toBe(true);
  });

  it('on a phone: short names, short readings, the line labelled in one line with room for one', () => {
    const short: Record<string, string> = { '450202': '城中', '450203': '鱼峰', '450204': '柳南', '450205': '柳北', 'LZ-LD': '柳东' };
    const option = toRankingOption({ rows }, t, q3, { narrow: true, unitLabel: (r) => short[r.unitId] ?? r.unitName });
    const [names, readings] = option.yAxis as Array<{ data: string[] }>;
    expect(names!.data).toEqual(['城中', '鱼峰', '柳南', '柳北', '柳东']);
    expect(readings!.data[0]).toBe('110.50 奖800');
    const series = (option.series as Array<{ markLine: { label: { formatter: string; lineHeight: number } } }>)[0]!;
    expect(series.markLine.label.formatter).toBe('达标线 100 分');
    expect((option.grid as { top: number }).top).toBe(series.markLine.label.lineHeight + 16);
  });

  it('speaks English when switched', () => {
    expect(rankingBars(rows, translator('en'))[4]!.label).toBe('115.00  Disqualified');
  });
});
