import type { UnitRankRow } from './api';
import type { UnitFigures } from './keys';
import type { IndicatorId, Policy, Registry } from './policy';
import {
  cmp, isDecimal, mul, parseDecimal, toNumber, toRational, type Rational,
} from './rational';
import { completionRate, indicatorPoints, publishedScore, timeProgress } from './scoring';

export interface RankInput {
  policy: Policy;
  registry: Registry;
  /** the as-of month; default: the latest month of the period with any actual */
  month?: number | null;
  figures: Record<string, UnitFigures>;
  disqualified: Record<string, { reason: string }>;
}

export interface RankResult {
  month: number | null;
  monthsWithData: number[];
  timeProgress: number; // %, one decimal
  waiting: number;
  rows: UnitRankRow[];
}

interface Scored {
  row: UnitRankRow;
  score: Rational | null;
  rates: Partial<Record<IndicatorId, Rational>>;
}

const read = (text: string | undefined): Rational | null =>
  text !== undefined && isDecimal(text) ? parseDecimal(text) : null;

/** Months of the period for which at least one unit has an actual. */
export function monthsWithData(policy: Policy, figures: Record<string, UnitFigures>): number[] {
  return policy.period.months.filter((m) =>
    policy.units.some((u) => {
      const a = figures[u]?.actuals[m];
      return a !== undefined && (a.output !== undefined || a.investment !== undefined);
    }),
  );
}

function scoreUnit(unitId: string, input: RankInput, month: number | null, progress: Rational): Scored {
  const { policy, registry } = input;
  const unit = registry.units.find((u) => u.unitId === unitId);
  const figures = input.figures[unitId];
  const missing: string[] = [];
  const rates: Partial<Record<IndicatorId, Rational>> = {};
  const points: Rational[] = [];
  const indicators = {} as UnitRankRow['indicators'];
  for (const scheme of policy.countyAward.indicators) {
    const id = scheme.indicatorId;
    const target = read(figures?.targets[id]);
    const actual = month === null ? null : read(figures?.actuals[month]?.[id]);
    if (target === null) missing.push(`${id}.target`);
    if (actual === null) missing.push(`${id}.actual`);
    const prorated = target === null ? null : mul(target, progress);
    const rate = prorated !== null && actual !== null ? completionRate(actual, prorated) : null;
    if (target !== null && actual !== null && rate === null) missing.push(`${id}.target`); // a zero target cannot be scored
    const pts = rate === null ? null : indicatorPoints(rate, scheme);
    if (rate !== null) rates[id] = rate;
    if (pts !== null) points.push(pts);
    indicators[id] = {
      target: target === null ? null : toNumber(target, 4),
      proratedTarget: prorated === null ? null : toNumber(prorated, 2),
      actual: actual === null ? null : toNumber(actual, 4),
      completionRate: rate === null ? null : toNumber(rate, 2),
      points: pts === null ? null : toNumber(pts, 2),
    };
  }
  const complete = missing.length === 0;
  const score = complete ? publishedScore(points, policy) : null;
  const disq = input.disqualified[unitId];
  return {
    score,
    rates,
    row: {
      rank: null,
      unitId,
      unitName: unit?.name ?? unitId,
      score: score === null ? null : toNumber(score, policy.countyAward.score.decimals),
      tied: false,
      award: 0,
      disqualified: disq ? { reason: disq.reason } : null,
      missing: [...new Set(missing)],
      indicators,
    },
  };
}

/**
 * Orders two scored units: published score first (ranks are decided on it), then the policy's
 * tie-breakers, each an exact rate. 0 means still tied: they share a rank — never list order.
 */
function compareScored(a: Scored, b: Scored, policy: Policy): number {
  const byScore = cmp(b.score!, a.score!);
  if (byScore !== 0) return byScore;
  for (const breaker of policy.countyAward.tieBreakers) {
    const id = breaker.split('.')[0] as IndicatorId;
    const c = cmp(b.rates[id]!, a.rates[id]!);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Ranks the units (SPEC.md §4): shared ranks 1, 2, 2, 4; tied units share equally the sum of the
 * tiers their places cover, each share rounded down to whole 万元; disqualified units keep their
 * score but their place and award pass down; units with missing data are not ranked.
 */
export function rankUnits(input: RankInput): RankResult {
  const { policy } = input;
  const withData = monthsWithData(policy, input.figures);
  const month = input.month ?? withData.at(-1) ?? null;
  const progress = timeProgress(month, policy);
  const scored = policy.units.map((u) => scoreUnit(u, input, month, progress));

  const rankable = scored.filter((s) => s.score !== null && s.row.disqualified === null);
  rankable.sort((a, b) => compareScored(a, b, policy) || a.row.unitId.localeCompare(b.row.unitId));
  const tiers = policy.countyAward.tiersWan;
  for (let i = 0; i < rankable.length; ) {
    let j = i + 1;
    while (j < rankable.length && compareScored(rankable[i]!, rankable[j]!, policy) === 0) j++;
    const group = rankable.slice(i, j);
    let pool = 0;
    for (let place = i; place < j; place++) pool += tiers[place] ?? 0;
    // 并列: equal shares of the covered tiers, rounded down to whole 万元
    const share = Math.floor(pool / group.length);
    for (const s of group) {
      s.row.rank = i + 1;
      s.row.tied = group.length > 1;
      s.row.award = share;
    }
    i = j;
  }
  const disqualified = scored
    .filter((s) => s.score !== null && s.row.disqualified !== null)
    .sort((a, b) => compareScored(a, b, policy));
  const waiting = scored.filter((s) => s.score === null);
  return {
    month,
    monthsWithData: withData,
    timeProgress: toNumber(mul(progress, toRational(100)), 1),
    waiting: waiting.length,
    rows: [...rankable, ...disqualified, ...waiting].map((s) => s.row),
  };
}
