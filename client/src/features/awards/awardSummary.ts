import { eq, fromNumber, sum, type IndicatorScheme, type UnitRankRow } from '@scoreboard/shared';
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

/**
 * Whether the indicator points as printed (each rounded to 2 places) do not add up to the printed
 * score, which is the exact sum rounded once (SPEC §4): 100.25% on both indicators shows
 * 50.13 + 50.13 = 100.26 beside a score of 100.25. The print marks such rows and says why.
 */
export function pointsSumDiffers(row: Pick<UnitRankRow, 'score' | 'indicators'>): boolean {
  if (row.score === null) return false;
  const points = Object.values(row.indicators).map((i) => i.points);
  if (points.some((p) => p === null)) return false;
  return !eq(sum(points.map((p) => fromNumber(p!))), fromNumber(row.score));
}
