import type { IndustryRow, IndustryStatus } from '@scoreboard/shared';
import type { ChartOption } from '../../charts/types';
import { palette } from '../../charts/types';
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
export function toIndustryGrowthOption(rows: readonly IndustryRow[], t: Translate, options: { dark?: boolean; fontSize?: number } = {}): ChartOption {
  const text = options.dark ? palette.textOnDark : palette.text;
  const fontSize = options.fontSize ?? 12;
  const names = rows.map((r) => r.shortName);
  const targets = rows.flatMap((r) =>
    r.target?.kind === 'growthAtLeast'
      ? [{ name: `${t('industries.target')} ${r.target.pct}%`, coord: [r.target.pct, r.shortName], value: r.target.pct }]
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
      { ...category, data: names, axisLabel: { color: text, fontSize } },
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
export function toIndustryTrendOption(rows: readonly IndustryRow[], window: { from: number; to: number }, t: Translate, options: { dark?: boolean } = {}): ChartOption {
  const text = options.dark ? palette.textOnDark : palette.text;
  const months: number[] = [];
  for (let m = window.from; m <= window.to; m++) months.push(m);
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'plain', textStyle: { color: text } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => t('common.month', { month: m })), axisLabel: { color: text } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%', color: text } },
    series: rows.map((r) => ({
      type: 'line' as const,
      name: r.shortName,
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
