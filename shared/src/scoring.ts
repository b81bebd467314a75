import type { CompletionIndicator, Policy, RankPointsIndicator } from './policy';
import {
  add, cmp, div, gte, HUNDRED, lt, max, min, mul, rat, roundHalfUp, sub, toRational, ZERO, type Rational,
} from './rational';

/**
 * The county score (SPEC.md §4, §13), exactly: rates and points are rationals; the only rounding is
 * the published score, half-up to the policy's decimals.
 */

/** completion rate r = actual ÷ target × 100 (a percentage). Null when the target is zero. */
export function completionRate(actual: Rational, target: Rational): Rational | null {
  if (target.n === 0n) return null;
  return mul(div(actual, target), HUNDRED);
}

/**
 * `completion`: r ≥ 100: Bᵢ + min((r − 100) × bᵢ, Mᵢ);  tᵢ ≤ r < 100: Bᵢ × r ÷ 100;  r < tᵢ: 0.
 */
export function indicatorPoints(
  rate: Rational,
  scheme: Pick<CompletionIndicator, 'basePoints' | 'bonusPerPoint' | 'bonusCap' | 'floorPct'>,
): Rational {
  const base = toRational(scheme.basePoints);
  if (gte(rate, HUNDRED)) {
    const bonus = mul(sub(rate, HUNDRED), toRational(scheme.bonusPerPoint));
    return add(base, min(bonus, toRational(scheme.bonusCap)));
  }
  if (lt(rate, toRational(scheme.floorPct))) return ZERO;
  return div(mul(base, rate), HUNDRED);
}

/**
 * `rankPoints`: the unit at `place` (1 = highest completion rate; equal rates share the higher
 * place) gets Bᵢ − (place − 1) × step, never below the floor.
 */
export function rankPlacePoints(place: number, scheme: Pick<RankPointsIndicator, 'basePoints' | 'stepPoints' | 'floorPoints'>): Rational {
  const points = sub(toRational(scheme.basePoints), mul(rat(BigInt(place - 1)), toRational(scheme.stepPoints)));
  return max(points, toRational(scheme.floorPoints));
}

/** The published score: the exact sum of points, rounded half-up once (一: 综合评分). */
export function publishedScore(points: readonly Rational[], policy: Pick<Policy, 'countyAward'>): Rational {
  return roundScore(points.reduce(add, ZERO), policy);
}

/** The rounding of `publishedScore`, for a caller that already holds the exact sum. */
export function roundScore(exactScore: Rational, policy: Pick<Policy, 'countyAward'>): Rational {
  return roundHalfUp(exactScore, policy.countyAward.score.decimals);
}

/**
 * 序时进度: the share of the period that has passed when `month` is the latest month with data.
 * Month 8 of July–September → 2/3. After the period, or with no month → 1; before it → 0.
 * Whether an indicator's target is pro-rated by it is the indicator's own setting (`prorate`).
 */
export function timeProgress(month: number | null, policy: Pick<Policy, 'period'>): Rational {
  const months = policy.period.months;
  if (month === null) return rat(1n);
  const index = months.indexOf(month);
  if (index < 0) return cmp(rat(BigInt(month)), rat(BigInt(months[0]!))) < 0 ? ZERO : rat(1n);
  return rat(BigInt(index + 1), BigInt(months.length));
}
