import type { IndicatorScheme, UnitRankRow } from '@scoreboard/shared';
import { formatNumber, formatPct, formatWan } from '../../format/numbers';
import { wanInCapitals } from '../../format/capitals';
import type { Translate } from '../../i18n/translate';

/** The county award total in whole 万元 (integers: exact) and in capital numerals for signing. */
export function countyAwardTotal(rows: readonly UnitRankRow[]): { wan: number; capitals: string } {
  const wan = rows.reduce((sum, r) => sum + r.award, 0);
  return { wan, capitals: wanInCapitals(wan) };
}

/**
 * One indicator in one line for the print table: "40,800 / 40,000 · 102.00% · 51.00分"; a rankPoints
 * indicator also says the place that gave its points ("第 1 名").
 */
export function indicatorDetail(row: UnitRankRow, indicator: Pick<IndicatorScheme, 'indicatorId' | 'scoring'>, t: Translate): string {
  return indicatorDetailLines(row, indicator, t).join(' · ');
}

/** The same in two lines, for a narrow print column: the figures, then the rate and the points. */
export function indicatorDetailLines(row: UnitRankRow, indicator: Pick<IndicatorScheme, 'indicatorId' | 'scoring'>, t: Translate): string[] {
  const r = row.indicators[indicator.indicatorId];
  if (!r || r.actual === null || r.proratedTarget === null) return [t('ranking.missing')];
  const scored = [formatPct(r.completionRate)];
  if (indicator.scoring === 'rankPoints' && r.place !== null) scored.push(t('ranking.place', { n: r.place }));
  scored.push(t('print.points', { n: formatNumber(r.points, 2) }));
  return [`${formatWan(r.actual)} / ${formatWan(r.proratedTarget)}`, scored.join(' · ')];
}
