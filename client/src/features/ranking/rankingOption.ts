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

export interface RankingChartOptions {
  dark?: boolean;
  fontSize?: number;
  /** a narrow chart (a phone): one-line labels and short readings */
  narrow?: boolean;
  /** the name on the category axis (the registry's short name on a phone); the row's name by default */
  unitLabel?: (row: Pick<RankingRow, 'unitId' | 'unitName'>) => string;
}

/** The bars the chart draws, top to bottom: every unit with a score, in the ranking's order. */
export function rankingBars(rows: readonly RankingRow[], t: Translate, options: Pick<RankingChartOptions, 'narrow' | 'unitLabel'> = {}): RankingBar[] {
  return rows
    .filter((row): row is RankingRow & { score: number } => row.score !== null)
    .map((row) => {
      const parts = [formatNumber(row.score, 2)];
      let colour = palette.lightBlue;
      if (row.disqualified) {
        parts.push(t('ranking.disqualified'));
        colour = palette.grey;
      } else if (row.rank !== null && row.award > 0) {
        parts.push(t(options.narrow ? 'ranking.awardShort' : 'ranking.awardLabel', { n: formatNumber(row.award) }));
        colour = palette.blue;
      }
      if (row.tied) parts.push(t('ranking.tied'));
      const unitName = options.unitLabel ? options.unitLabel(row) : row.unitName;
      return { unitId: row.unitId, unitName, score: row.score, label: parts.join(options.narrow ? ' ' : '  '), colour };
    });
}

/**
 * "达标线 100 分" over "（各项指标均完成序时目标）": says what the line means. A narrow chart has room
 * for the first line only (the chart's accessible name says the rest).
 */
export function onTargetLabel(t: Translate, score: number, narrow = false): string {
  const line = t('ranking.onTargetLine', { score });
  return narrow ? line : `${line}\n${t('ranking.onTargetNote')}`;
}

/**
 * Scores as horizontal bars, first place on top, the policy's on-target score as a dashed line.
 * Each bar's reading (score, award, 并列, 一票否决) sits in a column on the right — a second
 * category axis — never on the plot, where a score near the line would run into the line and its
 * label (the same fix as the industry chart's). Pure: the width-dependent choices come in options.
 */
export function toRankingOption(ranking: Pick<Ranking, 'rows'>, t: Translate, rules: RankingChartRules, options: RankingChartOptions = {}): ChartOption {
  const narrow = options.narrow ?? false;
  const bars = rankingBars(ranking.rows, t, options);
  const text = options.dark ? palette.textOnDark : palette.text;
  const fontSize = options.fontSize ?? 12;
  const lineHeight = Math.round(fontSize * 1.35);
  const labelLines = narrow ? 1 : 2;
  const category = { type: 'category' as const, inverse: true, axisTick: { show: false } }; // first place on top
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    // Room above the plot for the on-target label, clear of the score axis labels below.
    grid: { left: 4, right: 4, top: lineHeight * labelLines + 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      min: 0,
      max: (extent: { max: number }) => Math.ceil(Math.max(rules.maxScore, extent.max) / 10) * 10,
      axisLabel: { color: text, fontSize, hideOverlap: true },
      splitNumber: narrow ? 3 : 5,
      splitLine: { lineStyle: { color: options.dark ? palette.gridLineDark : palette.gridLine } },
    },
    yAxis: [
      { ...category, data: bars.map((b) => b.unitName), axisLabel: { color: text, fontSize, width: narrow ? 72 : 220, overflow: 'break' } },
      { ...category, position: 'right', data: bars.map((b) => b.label), axisLine: { show: false }, axisLabel: { color: text, fontSize } },
    ],
    series: [
      {
        type: 'bar',
        name: t('ranking.score'),
        barMaxWidth: 28,
        data: bars.map((b) => ({ value: b.score, itemStyle: { color: b.colour } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: palette.red, width: 2 },
          // Above the plot, clear of the score axis labels at the bottom. With the category axis
          // inverted (first place on top) the line starts at the top: hence 'start'.
          label: {
            formatter: onTargetLabel(t, rules.onTargetScore, narrow),
            position: 'start',
            distance: 4,
            color: options.dark ? palette.textOnDark : palette.red,
            fontSize,
            lineHeight,
            align: 'center',
          },
          data: [{ xAxis: rules.onTargetScore }],
        },
      },
    ],
  };
}
