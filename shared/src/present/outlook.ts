import type { ExactNumber, Outlook, OutlookIndicator } from '../api';
import { capRate, type IndicatorOutlook, type UnitOutlook } from '../outlook';
import type { IndicatorScheme, Policy } from '../policy';
import {
  ceil, gte, HUNDRED, isExactAt, lt, mul, rat, roundHalfUp, sub, sum, toDecimalString, toFixed, toFraction, toNumber, toRational, type Rational,
} from '../rational';
import { presentTimeProgress } from './ranking';

/**
 * The one adapter from the exact outlook (../outlook.ts) to API v1 (SPEC §15). Values the score
 * used are shown exactly — their decimal when it ends within 12 places, else 6 places and the
 * fraction; amounts to add are rounded UP (to 0.01 万元, or to a whole count) so that adding the
 * amount shown achieves what it says. The solver's amounts are whole steps already, so for them the
 * rounding changes nothing; for the remaining target it is the rule.
 */
const EXACT_PLACES = 12;
export function exactNumber(value: Rational): ExactNumber {
  const exact = isExactAt(value, EXACT_PLACES);
  return { text: toDecimalString(value, exact ? EXACT_PLACES : 6), fraction: toFraction(value), exact };
}
const exactOrNull = (value: Rational | null): ExactNumber | null => (value === null ? null : exactNumber(value));
const setting = (value: string | number): string => toDecimalString(toRational(value), EXACT_PLACES);

/** An amount to add, rounded up: "1234.57" (万元, two places) or "3" (a count). */
export function amountText(amount: Rational, measure: IndicatorScheme['measure']): string {
  if (measure === 'count') return ceil(amount).toString();
  return toFixed(rat(ceil(mul(amount, rat(100n))), 100n), 2);
}

/** Which case of the scoring rule gave the points (the worked formula's sentence). */
export function ruleBranch(scheme: IndicatorScheme, rate: Rational | null, place: number | null): OutlookIndicator['branch'] {
  if (scheme.scoring === 'rankPoints') {
    if (place === null) return null;
    const raw = sub(toRational(scheme.basePoints), mul(rat(BigInt(place - 1)), toRational(scheme.stepPoints)));
    return lt(raw, toRational(scheme.floorPoints)) ? 'placeFloor' : 'place';
  }
  if (rate === null) return null;
  if (gte(rate, HUNDRED)) return gte(rate, capRate(scheme)) ? 'capped' : 'above';
  return lt(rate, toRational(scheme.floorPct)) ? 'belowFloor' : 'below';
}

function presentRule(scheme: IndicatorScheme): OutlookIndicator['rule'] {
  if (scheme.scoring === 'rankPoints') {
    return { scoring: 'rankPoints', basePoints: setting(scheme.basePoints), stepPoints: setting(scheme.stepPoints), floorPoints: setting(scheme.floorPoints) };
  }
  return {
    scoring: 'completion',
    basePoints: setting(scheme.basePoints),
    bonusPerPoint: setting(scheme.bonusPerPoint),
    bonusCap: setting(scheme.bonusCap),
    floorPct: setting(scheme.floorPct),
    capRate: exactNumber(capRate(scheme)),
  };
}

function presentIndicator(i: IndicatorOutlook): OutlookIndicator {
  const { scheme, outcome: o } = i;
  const amount = (r: Rational | null | undefined) => (r == null ? null : amountText(r, scheme.measure));
  return {
    indicatorId: scheme.indicatorId,
    measure: scheme.measure,
    rule: presentRule(scheme),
    branch: ruleBranch(scheme, o.rate, o.place),
    target: exactOrNull(o.target),
    prorated: scheme.prorate,
    progress: exactNumber(o.progress),
    progressPct: presentTimeProgress(o.progress),
    proratedTarget: exactOrNull(o.proratedTarget),
    actual: exactOrNull(o.actual),
    rate: exactOrNull(o.rate),
    ratePct: o.rate === null ? null : toNumber(o.rate, 2),
    points: exactOrNull(o.points),
    pointsShown: o.points === null ? null : toNumber(o.points, 2),
    place: o.place,
    placesOf: i.placesOf,
    remainingToTargetWan: amount(i.remainingToTarget),
    toNextRankWan: amount(i.toNextRank?.amount),
    nextRank: i.toNextRank?.rank ?? null,
    toNextRankBlocked: i.toNextRankBlocked,
    toAwardWan: amount(i.toAward?.amount),
    awardRank: i.toAward?.rank ?? null,
    awardWan: i.toAward?.awardWan ?? null,
    toAwardBlocked: i.toAwardBlocked,
  };
}

export function presentOutlook(o: UnitOutlook, policy: Pick<Policy, 'countyAward'>, meta: { policyId: string; revision: number }): Outlook {
  const { unit } = o;
  // the points as the ranking shows them (each half-up to 2 places), added up
  const shown = Object.values(unit.indicators).map((x) => x.points);
  const pointsShownSum = unit.exactScore === null || shown.some((x) => x === null) ? null : toNumber(sum(shown.map((x) => roundHalfUp(x!, 2))), 2);
  return {
    policyId: meta.policyId,
    unitId: unit.unitId,
    unitName: unit.unitName,
    month: o.month,
    revision: meta.revision,
    timeProgress: presentTimeProgress(o.timeProgress),
    rank: unit.rank,
    tied: unit.tied,
    award: unit.awardWan,
    unpaid: unit.unpaid,
    disqualified: unit.disqualified,
    missing: unit.missing,
    rankedCount: o.rankedCount,
    score: {
      exact: exactOrNull(unit.exactScore),
      published: unit.score === null ? null : toNumber(unit.score, policy.countyAward.score.decimals),
      decimals: policy.countyAward.score.decimals,
      pointsShownSum,
    },
    indicators: o.indicators.map(presentIndicator),
  };
}
