import type { UnitFigures } from './keys';
import type { IndicatorScheme, Policy, Registry } from './policy';
import {
  cmp, gte, HUNDRED, isDecimal, mul, ONE, parseDecimal, sum, toRational, type Rational,
} from './rational';
import { completionRate, indicatorPoints, rankPlacePoints, roundScore, timeProgress } from './scoring';

/**
 * The county ranking (SPEC.md §4, §13), exactly. Everything here is a rational or a whole number
 * the policy itself defines (ranks, award 万元 after the policy's tie-share rounding); turning it
 * into API numbers is the adapter's job (present/ranking.ts), never the domain's.
 */
export interface RankInput {
  policy: Policy;
  registry: Registry;
  /** the as-of month; default: the latest month of the period with any actual */
  month?: number | null;
  figures: Record<string, UnitFigures>;
  disqualified: Record<string, { reason: string }>;
}

export interface IndicatorOutcome {
  indicatorId: string;
  /** the whole-period target */
  target: Rational | null;
  /** 序时进度 applied to this indicator: the time progress, or 1 when it is not pro-rated */
  progress: Rational;
  proratedTarget: Rational | null;
  /** cumulative from the period's first month */
  actual: Rational | null;
  /** completion rate, % */
  rate: Rational | null;
  points: Rational | null;
  /** rankPoints: the unit's place by completion rate among the units with one; null otherwise */
  place: number | null;
}

/** Why a ranked unit is not paid: the policy's payment condition (countyAward.awards.condition). */
export type UnpaidReason = 'below_min_score' | 'indicator_incomplete';

/**
 * How a unit was placed below the unit ranked directly above it although both publish the same
 * score (SPEC §4, §15): the first tie-breaker whose exact rates differ, and the two rates.
 */
export interface TieBreak {
  indicatorId: string;
  aboveUnitId: string;
  /** this unit's completion rate on that indicator, % */
  rate: Rational;
  /** the unit above's, % (greater) */
  aboveRate: Rational;
}

export interface RankedUnit {
  unitId: string;
  unitName: string;
  /** null when not ranked: disqualified, or data missing */
  rank: number | null;
  /** shares its rank with another unit (并列) */
  tied: boolean;
  /** the exact sum of the indicators' points */
  exactScore: Rational | null;
  /** the published score: exactScore rounded once as the policy says; ranks are decided on it */
  score: Rational | null;
  /** whole 万元, after the policy's tie-share rounding */
  awardWan: number;
  unpaid: UnpaidReason | null;
  disqualified: { reason: string } | null;
  /** e.g. "investment.target" */
  missing: string[];
  indicators: Record<string, IndicatorOutcome>;
  /** set when the same published score as the unit above was split by a tie-breaker; else null */
  tieBreak: TieBreak | null;
}

export interface RankResult {
  month: number | null;
  monthsWithData: number[];
  timeProgress: Rational;
  waiting: number;
  /** ranked units by rank, then disqualified ones by score, then those waiting for data */
  rows: RankedUnit[];
}

// A registry's names by unit id, built once per registry object: looking each unit up in the list
// made a ranking quadratic in the number of units (2,844 county-level units: 4 million comparisons).
const unitNamesCache = new WeakMap<Registry, Map<string, string>>();
function unitNames(registry: Registry): Map<string, string> {
  let names = unitNamesCache.get(registry);
  if (!names) unitNamesCache.set(registry, (names = new Map(registry.units.map((u) => [u.unitId, u.name]))));
  return names;
}

const read = (text: string | undefined): Rational | null =>
  text !== undefined && isDecimal(text) ? parseDecimal(text) : null;

/** Months of the period for which at least one unit has an actual of any indicator. */
export function monthsWithData(policy: Policy, figures: Record<string, UnitFigures>): number[] {
  const ids = policy.countyAward.indicators.map((i) => i.indicatorId);
  return policy.period.months.filter((m) =>
    policy.units.some((u) => {
      const a = figures[u]?.actuals[m];
      return a !== undefined && ids.some((id) => a[id] !== undefined);
    }),
  );
}

type Measured = Pick<IndicatorOutcome, 'target' | 'progress' | 'proratedTarget' | 'actual' | 'rate'>;

// What a unit's figures say about an indicator at a month — target, pro-rated target, actual, rate —
// does not depend on how the indicator is scored. The stability view ranks the same figures under
// a score of rules, and a scenario the same figures as the stored ranking: measured once per
// figures object (never mutated: the figures reader builds new ones for each revision).
const measuredCache = new WeakMap<UnitFigures, Map<string, Measured>>();

function measureFigures(id: string, figures: UnitFigures | undefined, month: number | null, applied: Rational, appliedKey: string): Measured {
  const key = `${id}/${month}/${appliedKey}`;
  const cache = figures && (measuredCache.get(figures) ?? measuredCache.set(figures, new Map()).get(figures)!);
  const hit = cache?.get(key);
  if (hit) return hit;
  const target = read(figures?.targets[id]);
  const actual = month === null ? null : read(figures?.actuals[month]?.[id]);
  const proratedTarget = target === null ? null : mul(target, applied);
  const rate = proratedTarget !== null && actual !== null ? completionRate(actual, proratedTarget) : null;
  const measured = { target, progress: applied, proratedTarget, actual, rate };
  cache?.set(key, measured);
  return measured;
}

function measure(
  scheme: IndicatorScheme,
  figures: UnitFigures | undefined,
  month: number | null,
  progress: { value: Rational; key: string },
): IndicatorOutcome {
  const id = scheme.indicatorId;
  const m = scheme.prorate ? measureFigures(id, figures, month, progress.value, progress.key) : measureFigures(id, figures, month, ONE, '1');
  const points = m.rate !== null && scheme.scoring === 'completion' ? indicatorPoints(m.rate, scheme) : null;
  return { indicatorId: id, ...m, points, place: null };
}

/** rankPoints: the place of each rate among all rates (equal rates share the higher place). */
function assignRankPoints(scheme: Extract<IndicatorScheme, { scoring: 'rankPoints' }>, outcomes: IndicatorOutcome[]): void {
  const withRate = outcomes.filter((o) => o.rate !== null).sort((a, b) => cmp(b.rate!, a.rate!));
  withRate.forEach((o, i) => {
    const before = withRate[i - 1];
    o.place = before && cmp(before.rate!, o.rate!) === 0 ? before.place : i + 1;
    o.points = rankPlacePoints(o.place!, scheme);
  });
}

/**
 * Orders two scored units: published score first (ranks are decided on it), then the policy's
 * tie-breakers, each an exact completion rate. 0 means still tied: they share a rank — never list order.
 */
export function compareRanked(a: RankedUnit, b: RankedUnit, policy: Pick<Policy, 'countyAward'>): number {
  const byScore = cmp(b.score!, a.score!);
  if (byScore !== 0) return byScore;
  for (const id of policy.countyAward.tieBreakers) {
    const c = cmp(b.indicators[id]!.rate!, a.indicators[id]!.rate!);
    if (c !== 0) return c;
  }
  return 0;
}

/** The payment condition (SPEC §13): why a ranked unit would not be paid, or null. */
export function unpaidReason(unit: RankedUnit, policy: Pick<Policy, 'countyAward'>): UnpaidReason | null {
  const condition = policy.countyAward.awards.condition;
  if (condition === null) return null;
  if (condition.kind === 'minScore') return gte(unit.score!, toRational(condition.score)) ? null : 'below_min_score';
  const complete = Object.values(unit.indicators).every((i) => i.rate !== null && gte(i.rate, HUNDRED));
  return complete ? null : 'indicator_incomplete';
}

/** Which tie-breaker placed `below` after `above` when their published scores are equal; null otherwise. */
function splitBy(above: RankedUnit, below: RankedUnit, policy: Pick<Policy, 'countyAward'>): TieBreak | null {
  if (cmp(above.score!, below.score!) !== 0) return null;
  for (const id of policy.countyAward.tieBreakers) {
    const a = above.indicators[id]!.rate!;
    const b = below.indicators[id]!.rate!;
    if (cmp(a, b) !== 0) return { indicatorId: id, aboveUnitId: above.unitId, rate: b, aboveRate: a };
  }
  return null; // equal on every tie-breaker: they share the rank (并列)
}

/** Consecutive runs of units that compare equal: they share a rank. */
function tieGroups(units: RankedUnit[], policy: Policy): RankedUnit[][] {
  const groups: RankedUnit[][] = [];
  for (const u of units) {
    const last = groups.at(-1);
    if (last && compareRanked(last[0]!, u, policy) === 0) last.push(u);
    else groups.push([u]);
  }
  return groups;
}

/**
 * Pays the tiers (一; SPEC §4, §13). Tied units share equally the sum of the tiers their places
 * cover, each share rounded down to whole 万元 (tieShareRounding "floorWan"). A ranked unit that
 * fails the payment condition is not paid: with `passesDown` the places are counted among paid units
 * only, so its tier goes to the next one; with `lapses` its share is simply not paid.
 */
function payTiers(ranked: RankedUnit[], policy: Policy): void {
  const { tiersWan, unpaidPlace } = policy.countyAward.awards;
  for (const u of ranked) u.unpaid = unpaidReason(u, policy);
  const payees = unpaidPlace === 'passesDown' ? ranked.filter((u) => u.unpaid === null) : ranked;
  let place = 0;
  for (const group of tieGroups(payees, policy)) {
    let pool = 0;
    for (let p = place; p < place + group.length; p++) pool += tiersWan[p] ?? 0;
    const share = Math.floor(pool / group.length);
    for (const u of group) u.awardWan = u.unpaid === null ? share : 0;
    place += group.length;
  }
}

/**
 * Ranks the units (SPEC.md §4, §13): shared ranks 1, 2, 2, 4; disqualified units keep their score
 * but their place and award pass down; units with missing data are not ranked; awards as `payTiers`.
 */
export function rankUnits(input: RankInput): RankResult {
  const { policy, registry } = input;
  const withData = monthsWithData(policy, input.figures);
  const month = input.month ?? withData.at(-1) ?? null;
  const progress = timeProgress(month, policy);
  const progressKey = { value: progress, key: `${progress.n}/${progress.d}` };
  const units = policy.units.map((unitId) => {
    const outcomes = policy.countyAward.indicators.map((s) => measure(s, input.figures[unitId], month, progressKey));
    return { unitId, outcomes };
  });
  policy.countyAward.indicators.forEach((scheme, i) => {
    if (scheme.scoring === 'rankPoints') assignRankPoints(scheme, units.map((u) => u.outcomes[i]!));
  });

  const names = unitNames(registry);
  const rows: RankedUnit[] = units.map(({ unitId, outcomes }) => {
    const missing: string[] = [];
    for (const o of outcomes) {
      if (o.target === null || (o.actual !== null && o.rate === null)) missing.push(`${o.indicatorId}.target`); // a zero target cannot be scored
      if (o.actual === null) missing.push(`${o.indicatorId}.actual`);
    }
    const complete = missing.length === 0;
    const exactScore = complete ? sum(outcomes.map((o) => o.points!)) : null;
    const disq = input.disqualified[unitId];
    return {
      unitId,
      unitName: names.get(unitId) ?? unitId,
      rank: null,
      tied: false,
      exactScore,
      score: exactScore === null ? null : roundScore(exactScore, policy), // = publishedScore(points)
      awardWan: 0,
      unpaid: null,
      disqualified: disq ? { reason: disq.reason } : null,
      missing: [...new Set(missing)],
      indicators: Object.fromEntries(outcomes.map((o) => [o.indicatorId, o])),
      tieBreak: null,
    };
  });

  const ranked = rows.filter((r) => r.score !== null && r.disqualified === null);
  ranked.sort((a, b) => compareRanked(a, b, policy) || a.unitId.localeCompare(b.unitId));
  let position = 0;
  for (const group of tieGroups(ranked, policy)) {
    for (const u of group) {
      u.rank = position + 1;
      u.tied = group.length > 1;
    }
    position += group.length;
  }
  ranked.forEach((u, i) => {
    if (i > 0) u.tieBreak = splitBy(ranked[i - 1]!, u, policy);
  });
  payTiers(ranked, policy);

  const disqualified = rows
    .filter((r) => r.score !== null && r.disqualified !== null)
    .sort((a, b) => compareRanked(a, b, policy));
  const waiting = rows.filter((r) => r.score === null);
  return {
    month,
    monthsWithData: withData,
    timeProgress: progress,
    waiting: waiting.length,
    rows: [...ranked, ...disqualified, ...waiting],
  };
}
