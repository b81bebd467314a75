import type { ScenarioVariation } from './api';
import type { IndicatorScheme, Policy } from './policy';
import { add, cmp, mul, sub, toDecimalString, toRational, ZERO, type Rational } from './rational';

/**
 * The standard set of scenarios (SPEC §14): the rule changes a leader asks about first, generated
 * from any policy, so the stability view shows which places are robust and which hinge on a rule.
 *
 * - **Weight ±10 points**: 10 base points move from one indicator to another, for every ordered
 *   pair. The full marks stay as they are, so the on-target line and a `minScore` condition keep
 *   their meaning ("investment 60, output 40" rather than "investment 60, total 110"). A move that
 *   would leave an indicator with 0 base points or fewer is skipped. For a `rankPoints` indicator the
 *   base points are the first place's: every place moves with them (the step is kept), and the
 *   floor is lowered to the new first-place points if it would exceed them.
 * - **Bonus per point 0.25 / 0.5 / 1 × cap 5 / 10 / 20**: the nine combinations, each applied to
 *   every `completion` indicator at once (the cap only binds when the bonus is high enough, so the
 *   two are varied together). A policy without `completion` indicators has none of these.
 * - **Step per place ×½ and ×2** for each `rankPoints` indicator: a rank-scored indicator has no
 *   bonus or cap; the points a place is worth are its analogue. Skipped when the step is 0.
 *
 * A generated scenario may equal the policy itself (e.g. bonus 0.5 and cap 10 in Q3): it is kept, so
 * every policy gets the same, documented set.
 */
export const STANDARD_SET = {
  weightPoints: 10,
  bonusPerPoint: ['0.25', '0.5', '1'],
  bonusCap: ['5', '10', '20'],
  stepFactors: ['0.5', '2'],
} as const;

export interface StandardScenario {
  /** stable and readable: "weight:investment>output", "bonus:1/cap:10", "step:newfirms:4" */
  key: string;
  variation: ScenarioVariation;
  policy: Policy;
}

const dec = (r: Rational): string => toDecimalString(r, 6);
const num = (r: Rational): number => Number(dec(r));

function withIndicators(policy: Policy, indicators: IndicatorScheme[]): Policy {
  return { ...policy, countyAward: { ...policy.countyAward, indicators } };
}

function moveWeight(policy: Policy, from: number, to: number, points: Rational): Policy | null {
  const indicators = policy.countyAward.indicators.map((ind, i): IndicatorScheme => {
    if (i === from) {
      const base = sub(toRational(ind.basePoints), points);
      if (ind.scoring === 'rankPoints') {
        const floor = toRational(ind.floorPoints);
        return { ...ind, basePoints: dec(base), floorPoints: dec(cmp(floor, base) > 0 ? base : floor) };
      }
      return { ...ind, basePoints: dec(base) };
    }
    if (i === to) return { ...ind, basePoints: dec(add(toRational(ind.basePoints), points)) };
    return ind;
  });
  const left = toRational(indicators[from]!.basePoints);
  return cmp(left, ZERO) > 0 ? withIndicators(policy, indicators) : null;
}

export function standardScenarios(policy: Policy): StandardScenario[] {
  const out: StandardScenario[] = [];
  const indicators = policy.countyAward.indicators;
  const points = toRational(STANDARD_SET.weightPoints);

  indicators.forEach((from, f) => {
    indicators.forEach((to, t) => {
      if (f === t) return;
      const moved = moveWeight(policy, f, t, points);
      if (!moved) return;
      out.push({
        key: `weight:${from.indicatorId}>${to.indicatorId}`,
        variation: { kind: 'weight', from: from.indicatorId, to: to.indicatorId, points: STANDARD_SET.weightPoints },
        policy: moved,
      });
    });
  });

  if (indicators.some((i) => i.scoring === 'completion')) {
    for (const bonus of STANDARD_SET.bonusPerPoint) {
      for (const cap of STANDARD_SET.bonusCap) {
        const changed = indicators.map((ind): IndicatorScheme => (ind.scoring === 'completion' ? { ...ind, bonusPerPoint: bonus, bonusCap: cap } : ind));
        out.push({
          key: `bonus:${bonus}/cap:${cap}`,
          variation: { kind: 'bonus', bonusPerPoint: Number(bonus), bonusCap: Number(cap) },
          policy: withIndicators(policy, changed),
        });
      }
    }
  }

  indicators.forEach((ind, i) => {
    if (ind.scoring !== 'rankPoints') return;
    const step = toRational(ind.stepPoints);
    if (cmp(step, ZERO) === 0) return;
    for (const factor of STANDARD_SET.stepFactors) {
      const stepPoints = mul(step, toRational(factor));
      const changed = indicators.map((x, j): IndicatorScheme => (j === i ? { ...ind, stepPoints: dec(stepPoints) } : x));
      out.push({
        key: `step:${ind.indicatorId}:${dec(stepPoints)}`,
        variation: { kind: 'step', indicatorId: ind.indicatorId, stepPoints: num(stepPoints) },
        policy: withIndicators(policy, changed),
      });
    }
  });
  return out;
}

export interface RankRange {
  unitId: string;
  unitName: string;
  rank: number | null;
  best: number | null;
  worst: number | null;
  bestKey: string | null;
  worstKey: string | null;
}

/**
 * Each unit's best and worst rank over the rankings given (the policy's own included by the caller,
 * so best ≤ rank ≤ worst). A unit not ranked in a scenario (data missing, 一票否决, not in its
 * list) does not count there; ranked nowhere → null.
 */
export function rankRanges(
  base: readonly { unitId: string; unitName: string; rank: number | null }[],
  rankings: readonly { key: string; ranks: ReadonlyMap<string, number | null> }[],
): RankRange[] {
  return base.map(({ unitId, unitName, rank }) => {
    const range: RankRange = { unitId, unitName, rank, best: null, worst: null, bestKey: null, worstKey: null };
    for (const { key, ranks } of rankings) {
      const r = ranks.get(unitId);
      if (r === null || r === undefined) continue;
      if (range.best === null || r < range.best) Object.assign(range, { best: r, bestKey: key });
      if (range.worst === null || r > range.worst) Object.assign(range, { worst: r, worstKey: key });
    }
    return range;
  });
}
