import type { UnitRankRow } from '../api';
import type { Policy } from '../policy';
import type { IndicatorOutcome, RankedUnit, RankResult, TieBreak } from '../ranking';
import { HUNDRED, mul, toFixed, toNumber, type Rational } from '../rational';

/**
 * The one adapter from the exact ranking (../ranking.ts) to API v1 numbers (SPEC §11). The
 * domain keeps rationals; here, and only here, they become JSON numbers, each rounded half-up for
 * display: rates and points to 2 places, the score to the policy's own decimals (it is already
 * rounded to them — that rounding is the policy's rule, made in the domain).
 */
const num = (value: Rational | null, decimals: number): number | null => (value === null ? null : toNumber(value, decimals));

function presentIndicator(o: IndicatorOutcome): UnitRankRow['indicators'][string] {
  return {
    target: num(o.target, 4),
    proratedTarget: num(o.proratedTarget, 2),
    actual: num(o.actual, 4),
    completionRate: num(o.rate, 2),
    points: num(o.points, 2),
    place: o.place,
  };
}

/** Rates are shown to 2 places; a tie-break shows both to the fewest places (at least 2) where they differ. */
const MAX_DECIMALS = 12;
export function presentTieBreak(t: TieBreak): NonNullable<UnitRankRow['tieBreak']> {
  let decimals = 2;
  while (decimals < MAX_DECIMALS && toFixed(t.rate, decimals) === toFixed(t.aboveRate, decimals)) decimals += 1;
  return { indicatorId: t.indicatorId, aboveUnitId: t.aboveUnitId, decimals, rate: toFixed(t.rate, decimals), aboveRate: toFixed(t.aboveRate, decimals) };
}

export function presentRankRow(row: RankedUnit, policy: Pick<Policy, 'countyAward'>): UnitRankRow {
  return {
    rank: row.rank,
    unitId: row.unitId,
    unitName: row.unitName,
    score: num(row.score, policy.countyAward.score.decimals),
    tied: row.tied,
    award: row.awardWan,
    disqualified: row.disqualified,
    missing: row.missing,
    indicators: Object.fromEntries(Object.entries(row.indicators).map(([id, o]) => [id, presentIndicator(o)])),
    unpaid: row.unpaid,
    tieBreak: row.tieBreak && presentTieBreak(row.tieBreak),
  };
}

/** 序时进度 as a percentage with one decimal: month 8 of 7–9 → 66.7. */
export const presentTimeProgress = (progress: Rational): number => toNumber(mul(progress, HUNDRED), 1);

export function presentRankResult(result: RankResult, policy: Pick<Policy, 'countyAward'>) {
  return {
    month: result.month,
    monthsWithData: result.monthsWithData,
    timeProgress: presentTimeProgress(result.timeProgress),
    waiting: result.waiting,
    rows: result.rows.map((r) => presentRankRow(r, policy)),
  };
}
