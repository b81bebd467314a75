import type { Ranking, RankingRow } from '@scoreboard/shared';
import type { ChartOption } from '../../charts/types';
import { palette } from '../../charts/types';
import { formatNumber } from '../../format/numbers';
import type { Translate } from '../../i18n/translate';

/**
 * The on-target line is the policy's own (SPEC §13): a unit exactly on its (pro-rated) targets
 * completes 100% of each indicator and scores the sum of the base points — 100 for Q3's 50 + 50.
 * The score axis is not a time axis, so the line is labelled by what it means, not as "序时进度".
 */
export interface RankingChartRules {
  /** the sum of the indicators' base points (policy/wording.ts onTargetScore) */
  onTargetScore: number;
  /** the most a unit can score: the axis reaches at least this far */
  maxScore: number;
}

export interface RankingBar {
  unitId: string;
  unitName: string;
  score: number;
  label: string;
  colour: string;
}

/** The bars the chart draws, top to bottom: every unit with a score, in the ranking's order. */
export function rankingBars(rows: readonly RankingRow[], t: Translate): RankingBar[] {
  return rows
    .filter((row): row is RankingRow & { score: number } => row.score !== null)
    .map((row) => {
      const parts = [formatNumber(row.score, 2)];
      let colour = palette.lightBlue;
      if (row.disqualified) {
        parts.push(t('ranking.disqualified'));
        colour = palette.grey;
      } else if (row.rank !== null && row.award > 0) {
        parts.push(t('ranking.awardLabel', { n: formatNumber(row.award) }));
        colour = palette.blue;
      }
      if (row.tied) parts.push(t('ranking.tied'));
      return { unitId: row.unitId, unitName: row.unitName, score: row.score, label: parts.join('  '), colour };
    });
}

/** "达标线 100 分" over "（各项指标均完成序时目标）": says what the line means. */
export function onTargetLabel(t: Translate, score: number): string {
  return `${t('ranking.onTargetLine', { score })}\n${t('ranking.onTargetNote')}`;
}

export function toRankingOption(
  ranking: Pick<Ranking, 'rows'>,
  t: Translate,
  rules: RankingChartRules,
  options: { dark?: boolean; fontSize?: number } = {},
): ChartOption {
  const bars = rankingBars(ranking.rows, t);
  const text = options.dark ? palette.textOnDark : palette.text;
  const fontSize = options.fontSize ?? 12;
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    // Room above the plot for the two-line on-target label, clear of the axis labels below.
    grid: { left: 8, right: 150, top: fontSize * 3 + 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      min: 0,
      max: (extent: { max: number }) => Math.ceil(Math.max(rules.maxScore, extent.max) / 10) * 10,
      axisLabel: { color: text, fontSize },
      splitLine: { lineStyle: { color: options.dark ? palette.gridLineDark : palette.gridLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true, // first place at the top
      data: bars.map((b) => b.unitName),
      axisLabel: { color: text, fontSize },
    },
    series: [
      {
        type: 'bar',
        name: t('ranking.score'),
        barMaxWidth: 28,
        data: bars.map((b) => ({
          value: b.score,
          itemStyle: { color: b.colour },
          label: { show: true, position: 'right', formatter: b.label, color: text, fontSize },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: palette.red, width: 2 },
          // Above the plot, clear of the score axis labels at the bottom. With the category axis
          // inverted (first place on top) the line starts at the top: hence 'start'.
          label: {
            formatter: onTargetLabel(t, rules.onTargetScore),
            position: 'start',
            distance: 4,
            color: options.dark ? palette.textOnDark : palette.red,
            fontSize,
            lineHeight: Math.round(fontSize * 1.35),
            align: 'center',
          },
          data: [{ xAxis: rules.onTargetScore }],
        },
      },
    ],
  };
}
