import type { IndustryRow, IndustryStatus } from '@scoreboard/shared';
import type { ChartOption } from '../../charts/types';
import { legendRows, palette } from '../../charts/types';
import { formatSignedPct } from '../../format/numbers';
import type { Translate } from '../../i18n/translate';

export const STATUS_COLOUR: Record<IndustryStatus, string> = {
  met: palette.green,
  on_track: palette.blue,
  not_met: palette.red,
  behind: palette.amber,
  no_target: palette.grey,
  no_data: palette.grey,
};

/** The reading of one row, "+34.60%  达标": shown beside the chart, never on top of the marker. */
export function growthReading(row: IndustryRow, t: Translate): string {
  const status = t(`status.${row.status}`);
  return row.latest ? `${formatSignedPct(row.latest.growth)}  ${status}` : status;
}

/**
 * Latest cumulative growth per industry as a bar, its `growthAtLeast` target as a marker on the same
 * row (a bullet chart). Narrowing targets have no number to mark: the trend chart shows them.
 * The readings sit in a column on the right (a second category axis): as bar-end labels they ran
 * into the target markers whenever growth was close to the target.
 */
export interface IndustryChartOptions {
  dark?: boolean;
  fontSize?: number;
  /** a narrow chart (a phone): names wrap in a narrower column */
  narrow?: boolean;
  /** the chart's width in pixels, when known: the trend legend's rows are counted from it */
  width?: number;
  /** an industry's name on the chart (English or short); the row's short name by default */
  name?: (row: Pick<IndustryRow, 'industryId' | 'shortName'>) => string;
}

export function toIndustryGrowthOption(rows: readonly IndustryRow[], t: Translate, options: IndustryChartOptions = {}): ChartOption {
  const text = options.dark ? palette.textOnDark : palette.text;
  const fontSize = options.fontSize ?? 12;
  const nameOf = options.name ?? ((r: Pick<IndustryRow, 'shortName'>) => r.shortName);
  const names = rows.map((r) => nameOf(r));
  const targets = rows.flatMap((r, i) =>
    r.target?.kind === 'growthAtLeast'
      ? [{ name: `${t('industries.target')} ${r.target.pct}%`, coord: [r.target.pct, names[i]!], value: r.target.pct }]
      : [],
  );
  const category = { type: 'category' as const, inverse: true, axisTick: { show: false } };
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%', color: text, fontSize } },
    yAxis: [
      // long names wrap in their column instead of squeezing the plot (a phone has ~320 px)
      { ...category, data: names, axisLabel: { color: text, fontSize, width: options.narrow ? 76 : 200, overflow: 'break', lineHeight: Math.round(fontSize * 1.2) } },
      { ...category, position: 'right', data: rows.map((r) => growthReading(r, t)), axisLine: { show: false }, axisLabel: { color: text, fontSize } },
    ],
    series: [
      {
        type: 'bar',
        name: t('industries.latest'),
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.latest?.growth ?? null, itemStyle: { color: STATUS_COLOUR[r.status] } })),
        markPoint: {
          symbol: 'rect',
          symbolSize: [4, Math.round(fontSize * 2.2)],
          itemStyle: { color: options.dark ? palette.textOnDark : palette.text },
          label: { show: false },
          data: targets,
        },
      },
    ],
  };
}

/**
 * Cumulative growth January–September, one line per industry. Computed rates (this year ÷ last
 * year, not on a comparable basis; SPEC §5) are drawn as hollow points and named in the tooltip.
 */
export function toIndustryTrendOption(rows: readonly IndustryRow[], window: { from: number; to: number }, t: Translate, options: IndustryChartOptions = {}): ChartOption {
  const text = options.dark ? palette.textOnDark : palette.text;
  const fontSize = options.fontSize ?? 12;
  const nameOf = options.name ?? ((r: Pick<IndustryRow, 'shortName'>) => r.shortName);
  const months: number[] = [];
  for (let m = window.from; m <= window.to; m++) months.push(m);
  // The legend wraps into as many rows as the width needs; the plot starts below the last one
  // (echarts does not move the grid for the legend by itself).
  const rowsOfLegend = legendRows(rows.map((r) => nameOf(r)), options.width ?? 720, fontSize);
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    grid: { left: 8, right: 24, top: rowsOfLegend * (fontSize + 12) + 20, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'plain', itemGap: 10, textStyle: { color: text, fontSize } },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: months.map((m) => t('common.month', { month: m })), axisLabel: { color: text, fontSize, hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%', color: text, fontSize } },
    series: rows.map((r) => ({
      type: 'line' as const,
      name: nameOf(r),
      connectNulls: false,
      data: months.map((m) => {
        const point = r.series.find((s) => s.month === m);
        if (!point || point.growth === null) return null;
        return point.computed
          ? { value: point.growth, symbol: 'emptyCircle', symbolSize: 8, name: t('industries.computed') }
          : { value: point.growth, symbol: 'circle', symbolSize: 6 };
      }),
    })),
  };
}
