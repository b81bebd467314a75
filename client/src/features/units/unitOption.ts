import type { IndicatorResult } from '@scoreboard/shared';
import type { ChartOption } from '../../charts/types';
import { legendRows, palette } from '../../charts/types';
import { formatPct, formatWan } from '../../format/numbers';
import type { Translate } from '../../i18n/translate';

export interface UnitMonth {
  month: number;
  timeProgress: number; // %
  result: IndicatorResult | undefined;
}

/**
 * One indicator of one unit, month by month: the cumulative actual as bars against the target
 * pro-rated to that month's time progress (序时目标) as a line, and the whole-period target.
 */
export function toUnitOption(months: readonly UnitMonth[], indicatorName: string, unit: string, t: Translate, options: { width?: number } = {}): ChartOption {
  const target = months.find((m) => m.result?.target !== null && m.result?.target !== undefined)?.result?.target ?? null;
  const actualName = `${indicatorName} · ${t('ranking.actual')}`;
  const proratedName = t('common.withUnit', { name: t('ranking.prorated'), unit: t('ranking.timeProgress') });
  // The legend wraps on a phone; the plot (and its axis name) starts below it.
  const rows = legendRows([actualName, proratedName], options.width ?? 720, 12);
  return {
    animationDuration: 300,
    grid: { left: 8, right: 24, top: rows * 24 + 28, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => t('common.month', { month: m.month })) },
    yAxis: { type: 'value', name: unit },
    series: [
      {
        type: 'bar',
        name: actualName,
        barMaxWidth: 40,
        itemStyle: { color: palette.blue },
        data: months.map((m) => m.result?.actual ?? null),
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => {
            const rate = months[p.dataIndex]?.result?.completionRate;
            return rate === null || rate === undefined ? '' : formatPct(rate);
          },
        },
        ...(target !== null
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dotted', color: palette.grey },
                // inside the plot's right end, above the line: never cut off at a phone's edge
                label: { formatter: `${t('ranking.target')} ${formatWan(target)}`, position: 'insideEndTop' },
                data: [{ yAxis: target }],
              },
            }
          : {}),
      },
      {
        type: 'line',
        name: proratedName,
        itemStyle: { color: palette.red },
        lineStyle: { type: 'dashed', color: palette.red },
        data: months.map((m) => m.result?.proratedTarget ?? null),
      },
    ],
  };
}
