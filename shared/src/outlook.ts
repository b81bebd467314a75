import type { IndicatorScheme, Policy } from './policy';
import type { IndicatorOutcome, RankedUnit, RankResult } from './ranking';
import {
  add, ceil, cmp, div, gte, HUNDRED, lt, max, mul, rat, roundHalfUp, sub, toRational, ZERO, type Rational,
} from './rational';
import { indicatorPoints, rankPlacePoints } from './scoring';

/**
 * 差多少 (SPEC §15), exactly: for one unit and one indicator, the least additional cumulative
 * amount — every other figure as stored — that gives the unit a smaller rank number, and the least
 * that gives it a paid place, under the policy's own scoring (completion or rankPoints), score
 * rounding, tie-breakers and payment condition.
 *
 * Amounts are whole steps: 0.01 万元 for money, 1 for a count. The unit's rank is monotone
 * non-increasing in the amount (its rate only rises; with rankPoints the units it passes only lose
 * places), and so is "not paid" for any policy whose tiers do not rise with the place; so a binary
 * search over whole steps, each step evaluated exactly in rationals, finds the least step — no
 * floats, no sampling. The search is bounded: past the rate where this indicator stops mattering
 * (its bonus cap or 100%, and above every other unit's rate — tie-breakers and places) nothing
 * changes, so when even that bound does not help, the answer is null, exactly.
 */

export type OutlookBlock =
  /** toNextRank: the unit is first already; toAward: it is paid already */
  | 'already_first'
  | 'already_paid'
  /** disqualified, or waiting for data: no amount on one indicator ranks it */
  | 'not_ranked'
  /** no amount on this indicator alone can do it */
  | 'no_amount';

/** What adding `amount` to this indicator's cumulative actual achieves. */
export interface Reach {
  /** a whole number of steps (0.01 万元, or 1 for a count) */
  amount: Rational;
  rank: number;
  awardWan: number;
}

export interface IndicatorOutlook {
  scheme: IndicatorScheme;
  outcome: IndicatorOutcome;
  /** how many units have a rate on this indicator (the field its places are counted in) */
  placesOf: number;
  /** full-period target − cumulative actual, never below 0; null without both */
  remainingToTarget: Rational | null;
  toNextRank: Reach | null;
  toNextRankBlocked: OutlookBlock | null;
  toAward: Reach | null;
  toAwardBlocked: OutlookBlock | null;
}

export interface UnitOutlook {
  unit: RankedUnit;
  month: number | null;
  timeProgress: Rational;
  /** units with a rank (not disqualified, not waiting for data) */
  rankedCount: number;
  indicators: IndicatorOutlook[];
}

/** The amount of one step: 0.01 万元, or one of a count (新增规上工业企业数 grows by whole firms). */
export const stepOf = (scheme: Pick<IndicatorScheme, 'measure'>): Rational => (scheme.measure === 'count' ? rat(1n) : rat(1n, 100n));

/** The rate at and above which a completion indicator's points stop growing (its bonus cap). */
export function capRate(scheme: Extract<IndicatorScheme, { scoring: 'completion' }>): Rational {
  const bonus = toRational(scheme.bonusPerPoint);
  return bonus.n === 0n ? HUNDRED : add(HUNDRED, div(toRational(scheme.bonusCap), bonus));
}

interface Contender {
  unit: RankedUnit;
  exact: Rational;
  /** the indicator's points in `exact`, and its place (rankPoints) */
  points: Rational;
  place: number | null;
  rate: Rational;
  /** tie-breaker rates in policy order */
  breakers: Rational[];
  /** every indicator at ≥ 100% (the everyIndicatorComplete condition; its rates do not move) */
  complete: boolean;
}

/** Compares by published score, then tie-breakers (ranking.ts compareRanked): < 0 when `a` is ahead. */
function compare(aScore: Rational, aBreakers: Rational[], bScore: Rational, bBreakers: Rational[]): number {
  const byScore = cmp(bScore, aScore);
  if (byScore !== 0) return byScore;
  for (let k = 0; k < aBreakers.length; k++) {
    const c = cmp(bBreakers[k]!, aBreakers[k]!);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * The unit's rank and award when its cumulative actual on one indicator is raised by X — everything
 * else as in `result`. O(units) per evaluation: only this unit's rate moves, and with rankPoints
 * each other unit's place moves by at most one.
 */
function modelOf(result: RankResult, policy: Policy, unit: RankedUnit, scheme: IndicatorScheme) {
  const id = scheme.indicatorId;
  const decimals = policy.countyAward.score.decimals;
  const breakerIds = policy.countyAward.tieBreakers;
  const own = unit.indicators[id]!;
  const r0 = own.rate!;
  const restExact = sub(unit.exactScore!, own.points!);
  const condition = policy.countyAward.awards.condition;
  const { tiersWan, unpaidPlace } = policy.countyAward.awards;
  const otherRates = result.rows.filter((r) => r.unitId !== unit.unitId && r.indicators[id]?.rate != null).map((r) => r.indicators[id]!.rate!);
  const contenders: Contender[] = result.rows
    .filter((r) => r.rank !== null && r.unitId !== unit.unitId)
    .map((r) => {
      const o = r.indicators[id]!;
      return {
        unit: r, exact: r.exactScore!, points: o.points!, place: o.place, rate: o.rate!,
        breakers: breakerIds.map((b) => r.indicators[b]!.rate!),
        complete: Object.values(r.indicators).every((x) => gte(x.rate!, HUNDRED)),
      };
    });
  const ownOtherComplete = Object.values(unit.indicators).every((o) => o.indicatorId === id || gte(o.rate!, HUNDRED));

  const paidAt = (score: Rational, rateHere: Rational, othersComplete: boolean): boolean => {
    if (condition === null) return true;
    if (condition.kind === 'minScore') return gte(score, toRational(condition.score));
    return othersComplete && gte(rateHere, HUNDRED);
  };

  function evaluate(rate: Rational): { rank: number; awardWan: number } {
    let points: Rational;
    if (scheme.scoring === 'completion') points = indicatorPoints(rate, scheme);
    else points = rankPlacePoints(1 + otherRates.filter((o) => lt(rate, o)).length, scheme);
    const score = roundHalfUp(add(restExact, points), decimals);
    const breakers = breakerIds.map((b) => (b === id ? rate : unit.indicators[b]!.rate!));
    const selfPaid = paidAt(score, rate, ownOtherComplete);
    let ahead = 0;
    let paidAhead = 0;
    let tied = 0;
    let paidTied = 0;
    for (const c of contenders) {
      let cScore = c.unit.score!;
      if (scheme.scoring === 'rankPoints') {
        // c drops one place when this unit's rate passes it (equal rates share the higher place)
        const passed = lt(c.rate, rate) && !lt(c.rate, r0);
        if (passed) cScore = roundHalfUp(add(sub(c.exact, c.points), rankPlacePoints(c.place! + 1, scheme)), decimals);
      }
      const c2 = compare(cScore, c.breakers, score, breakers);
      if (c2 > 0) continue; // behind this unit
      const cPaid = paidAt(cScore, c.rate, c.complete);
      if (c2 < 0) {
        ahead += 1;
        if (cPaid) paidAhead += 1;
      } else {
        tied += 1;
        if (cPaid) paidTied += 1;
      }
    }
    const rank = ahead + 1;
    if (!selfPaid) return { rank, awardWan: 0 };
    // payTiers (ranking.ts): tied units share the tiers their places cover, each share floored
    const [place, size] = unpaidPlace === 'passesDown' ? [paidAhead, paidTied + 1] : [ahead, tied + 1];
    let pool = 0;
    for (let p = place; p < place + size; p++) pool += tiersWan[p] ?? 0;
    return { rank, awardWan: Math.floor(pool / size) };
  }

  const step = stepOf(scheme);
  const actual = own.actual!;
  const target = own.proratedTarget!;
  const rateAt = (steps: bigint): Rational => mul(div(add(actual, mul(step, rat(steps))), target), HUNDRED);
  /** the least whole number of steps whose rate reaches `r` */
  const stepsFor = (r: Rational): bigint => {
    const amount = sub(div(mul(r, target), HUNDRED), actual);
    return cmp(amount, ZERO) <= 0 ? 0n : ceil(div(amount, step));
  };
  // Beyond this nothing moves: the points are capped (or first place), every other rate is passed.
  const flat = scheme.scoring === 'completion' ? capRate(scheme) : HUNDRED;
  const bound = otherRates.reduce((m, o) => max(m, o), max(flat, HUNDRED));
  const hiSteps = stepsFor(bound) + 1n;

  /** The least whole number of steps in [1, hiSteps] at which `goal` holds, or null. */
  function least(goal: (at: { rank: number; awardWan: number }) => boolean): Reach | null {
    const at = (steps: bigint) => evaluate(rateAt(steps));
    if (!goal(at(hiSteps))) return null;
    let lo = 0n; // goal fails here: it is the unit as it stands
    let hi = hiSteps;
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      if (goal(at(mid))) hi = mid;
      else lo = mid;
    }
    const reached = at(hi);
    return { amount: mul(step, rat(hi)), rank: reached.rank, awardWan: reached.awardWan };
  }

  return { evaluate, least, rateAt, current: () => evaluate(r0) };
}

/**
 * The outlook of one unit (SPEC §15) from an exact ranking (`rankUnits`): the worked numbers per
 * indicator, and per indicator the least amount to a smaller rank number and to a paid place.
 */
export function unitOutlook(result: RankResult, policy: Policy, unitId: string): UnitOutlook | null {
  const unit = result.rows.find((r) => r.unitId === unitId);
  if (!unit) return null;
  const ranked = unit.rank !== null;
  const indicators = policy.countyAward.indicators.map((scheme): IndicatorOutlook => {
    const outcome = unit.indicators[scheme.indicatorId]!;
    const placesOf = result.rows.filter((r) => r.indicators[scheme.indicatorId]?.rate != null).length;
    const remainingToTarget =
      outcome.target === null || outcome.actual === null ? null : max(ZERO, sub(outcome.target, outcome.actual));
    const base = { scheme, outcome, placesOf, remainingToTarget };
    if (!ranked) {
      return { ...base, toNextRank: null, toNextRankBlocked: 'not_ranked', toAward: null, toAwardBlocked: 'not_ranked' };
    }
    const model = modelOf(result, policy, unit, scheme);
    const rank = unit.rank!;
    const toNextRank = rank === 1 ? null : model.least((at) => at.rank < rank);
    const toAward = unit.awardWan > 0 ? null : model.least((at) => at.awardWan > 0);
    return {
      ...base,
      toNextRank,
      toNextRankBlocked: rank === 1 ? 'already_first' : toNextRank === null ? 'no_amount' : null,
      toAward,
      toAwardBlocked: unit.awardWan > 0 ? 'already_paid' : toAward === null ? 'no_amount' : null,
    };
  });
  return {
    unit,
    month: result.month,
    timeProgress: result.timeProgress,
    rankedCount: result.rows.filter((r) => r.rank !== null).length,
    indicators,
  };
}

/** For tests and checks: the unit's rank and award with `steps` more on one indicator (the fast model). */
export function outlookAt(result: RankResult, policy: Policy, unitId: string, indicatorId: string, steps: bigint) {
  const unit = result.rows.find((r) => r.unitId === unitId)!;
  const scheme = policy.countyAward.indicators.find((i) => i.indicatorId === indicatorId)!;
  const model = modelOf(result, policy, unit, scheme);
  return model.evaluate(model.rateAt(steps));
}
