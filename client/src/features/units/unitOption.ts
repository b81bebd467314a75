import type { IndicatorResult } from '@scoreboard/shared';
import type { ChartOption } from '../../charts/types';
import { palette } from '../../charts/types';
import { formatPct } from '../../format/numbers';
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
export function toUnitOption(months: readonly UnitMonth[], indicatorName: string, unit: string, t: Translate): ChartOption {
  const target = months.find((m) => m.result?.target !== null && m.result?.target !== undefined)?.result?.target ?? null;
  return {
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => t('common.month', { month: m.month })) },
    yAxis: { type: 'value', name: unit },
    series: [
      {
        type: 'bar',
        name: `${indicatorName} · ${t('ranking.actual')}`,
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
                label: { formatter: `${t('ranking.target')} ${target}` },
                data: [{ yAxis: target }],
              },
            }
          : {}),
      },
      {
        type: 'line',
        name: `${t('ranking.prorated')}（${t('ranking.timeProgress')}）`,
        itemStyle: { color: palette.red },
        lineStyle: { type: 'dashed', color: palette.red },
        data: months.map((m) => m.result?.proratedTarget ?? null),
      },
    ],
  };
}
