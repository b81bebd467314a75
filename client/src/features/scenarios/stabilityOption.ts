import type { Stability } from '@scoreboard/shared';
import type { ChartOption } from '../../charts/types';
import { palette } from '../../charts/types';
import type { Translate } from '../../i18n/translate';

export interface StabilityBar {
  unitId: string;
  unitName: string;
  rank: number | null;
  best: number;
  worst: number;
  /** worst − best: 0 means the place does not depend on the rule */
  spread: number;
  label: string;
}

/** The units ranked under at least one scenario, by their place under the policy (unranked last). */
export function stabilityBars(stability: Pick<Stability, 'units'>, t: Translate): StabilityBar[] {
  return stability.units
    .filter((u): u is typeof u & { best: number; worst: number } => u.best !== null && u.worst !== null)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.best - b.best)
    .map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      rank: u.rank,
      best: u.best,
      worst: u.worst,
      spread: u.worst - u.best,
      label: u.best === u.worst ? t('scenarios.stability.fixed', { rank: u.best }) : t('scenarios.stability.range', { best: u.best, worst: u.worst }),
    }));
}

/**
 * One horizontal bar per unit from its best to its worst place (half a place either side, so a
 * place that never moves is still a visible block), first place on top and on the left; the
 * place under the policy as it is marked with a diamond. A bar that spans places is amber and says
 * so in words beside it: never colour alone.
 */
export function toStabilityOption(stability: Pick<Stability, 'units'>, t: Translate): ChartOption {
  const bars = stabilityBars(stability, t);
  const places = Math.max(1, ...bars.map((b) => b.worst));
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    grid: { left: 8, right: 110, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: [t('scenarios.stability.rangeName'), t('scenarios.stability.current')] },
    xAxis: {
      type: 'value',
      min: 0.5,
      max: places + 0.5,
      interval: 1,
      axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
      splitLine: { lineStyle: { color: palette.gridLine } },
      name: t('scenarios.stability.axis'),
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.unitName) },
    series: [
      {
        // transparent: from the axis start to half a place before the best
        type: 'bar',
        stack: 'range',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: bars.map((b) => b.best - 0.5),
        tooltip: { show: false },
      },
      {
        type: 'bar',
        stack: 'range',
        name: t('scenarios.stability.rangeName'),
        barMaxWidth: 18,
        data: bars.map((b) => ({
          value: b.worst - b.best + 1,
          itemStyle: { color: b.spread === 0 ? palette.lightBlue : palette.amber },
          label: { show: true, position: 'right', formatter: b.label, color: palette.text },
          tooltip: { formatter: `${b.unitName}：${b.label}` },
        })),
      },
      {
        type: 'scatter',
        name: t('scenarios.stability.current'),
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: palette.blue },
        data: bars.filter((b) => b.rank !== null).map((b) => ({
          value: [b.rank!, b.unitName],
          tooltip: { formatter: `${b.unitName}：${t('scenarios.stability.currentRank', { rank: b.rank! })}` },
        })),
        z: 3,
      },
    ],
  };
}
