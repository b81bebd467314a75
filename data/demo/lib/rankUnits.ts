import {
  add, cmp, div, floor, gte, HUNDRED, lt, min, mul, rat, roundHalfUp, sub, toFixed, toRational, ZERO,
  type IndicatorId, type Policy, type Rational, type Registry,
} from '@scoreboard/shared';

/**
 * The county ranking recomputed from the demo CSVs, written apart from shared/ranking.ts on purpose:
 * the expected table the lead asserts against must not come from the code under test.
 * SPEC §4: r = actual ÷ (target × m/3) × 100; r ≥ 100 → B + min((r − 100) × b, M); r < 100 → B × r ÷ 100;
 * score = sum, half-up to 2 decimals; ties broken by output, then investment completion rate.
 */
export interface RankedUnit {
  rank: number | null;
  unitId: string;
  unitName: string;
  score: string | null; // "110.50"
  rates: Record<IndicatorId, string | null>; // completion %, 2 decimals
  tied: boolean;
  award: number; // 万元
  missing: string[];
}
export interface MonthRanking {
  month: number;
  timeProgress: string; // %, one decimal
  waiting: number;
  rows: RankedUnit[];
}
type Figures = Partial<Record<IndicatorId, Rational>>;

export function unitResolver(registry: Registry): (name: string) => string {
  return (name) => {
    const unit = registry.units.find((u) => u.unitId === name || u.name === name || u.shortName === name || u.aliases.includes(name));
    if (!unit) throw new Error(`unit name not in the registry: ${name}`);
    return unit.unitId;
  };
}

function points(rate: Rational, scheme: Policy['countyAward']['indicators'][number]): Rational {
  // the Q3 policy scores every indicator by completion (SPEC §4)
  if (scheme.scoring !== 'completion') throw new Error(`the Q3 demo check knows completion scoring only, not ${scheme.scoring}`);
  const base = toRational(scheme.basePoints);
  if (gte(rate, HUNDRED)) return add(base, min(mul(sub(rate, HUNDRED), toRational(scheme.bonusPerPoint)), toRational(scheme.bonusCap)));
  if (lt(rate, toRational(scheme.floorPct))) return ZERO;
  return div(mul(base, rate), HUNDRED);
}

interface Scored { unitId: string; score: Rational | null; rates: Partial<Record<IndicatorId, Rational>>; missing: string[] }

export function rankMonth(
  month: number,
  targets: Map<string, Figures>,
  actuals: Map<string, Figures>, // this month's, by unitId
  policy: Policy,
  registry: Registry,
): MonthRanking {
  const progress = rat(BigInt(policy.period.months.indexOf(month) + 1), BigInt(policy.period.months.length));
  const scored: Scored[] = policy.units.map((unitId) => {
    const rates: Scored['rates'] = {};
    const missing: string[] = [];
    let total = ZERO;
    for (const scheme of policy.countyAward.indicators) {
      const id = scheme.indicatorId;
      const target = targets.get(unitId)?.[id];
      const actual = actuals.get(unitId)?.[id];
      if (!target) missing.push(`${id}.target`);
      if (!actual) missing.push(`${id}.actual`);
      if (!target || !actual) continue;
      rates[id] = mul(div(actual, mul(target, progress)), HUNDRED);
      total = add(total, points(rates[id], scheme));
    }
    const score = missing.length ? null : roundHalfUp(total, policy.countyAward.score.decimals);
    return { unitId, score, rates, missing };
  });
  const keys = (s: Scored): Rational[] => [s.score!, ...policy.countyAward.tieBreakers.map((t) => s.rates[t]!)];
  const compare = (a: Scored, b: Scored): number => {
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i++) if (cmp(ka[i]!, kb[i]!) !== 0) return cmp(kb[i]!, ka[i]!);
    return 0;
  };
  const ranked = scored.filter((s) => s.score !== null).sort(compare);
  const tiers = policy.countyAward.awards.tiersWan;
  const rows: RankedUnit[] = [];
  for (let i = 0; i < ranked.length; ) {
    let j = i + 1;
    while (j < ranked.length && compare(ranked[i]!, ranked[j]!) === 0) j++;
    // Units equal on every key share a rank and, equally, the tiers their places cover (SPEC §4).
    const pool = tiers.slice(i, j).reduce((a, b) => a + b, 0);
    const share = Number(floor(rat(BigInt(pool), BigInt(j - i))));
    for (const s of ranked.slice(i, j)) rows.push(row(s, i + 1, j - i > 1, share, registry, policy));
    i = j;
  }
  const unranked = scored.filter((s) => s.score === null);
  for (const s of unranked) rows.push(row(s, null, false, 0, registry, policy));
  return { month, timeProgress: toFixed(mul(progress, HUNDRED), 1), waiting: unranked.length, rows };
}

function row(s: Scored, rank: number | null, tied: boolean, award: number, registry: Registry, policy: Policy): RankedUnit {
  const name = registry.units.find((u) => u.unitId === s.unitId)!.name;
  const rate = (id: IndicatorId): string | null => (s.rates[id] ? toFixed(s.rates[id], 2) : null);
  return {
    rank,
    unitId: s.unitId,
    unitName: name,
    score: s.score ? toFixed(s.score, policy.countyAward.score.decimals) : null,
    rates: { output: rate('output'), investment: rate('investment') },
    tied,
    award,
    missing: s.missing,
  };
}

/** Parsed unit-targets and unit-actuals records → figures by unitId (and by month). */
export function figuresFromRecords(
  targetRecords: Record<string, string>[],
  actualRecords: Record<string, string>[],
  resolve: (name: string) => string,
): { targets: Map<string, Figures>; actualsByMonth: Map<number, Map<string, Figures>> } {
  const num = (text: string | undefined): Rational | undefined => (text ? toRational(text) : undefined);
  const targets = new Map<string, Figures>();
  for (const r of targetRecords) {
    targets.set(resolve(r['单位']!), { output: num(r['规上工业总产值目标（万元）']), investment: num(r['工业投资目标（万元）']) });
  }
  const actualsByMonth = new Map<number, Map<string, Figures>>();
  for (const r of actualRecords) {
    const month = Number(r['月份']);
    if (!actualsByMonth.has(month)) actualsByMonth.set(month, new Map());
    actualsByMonth.get(month)!.set(resolve(r['单位']!), { output: num(r['规上工业总产值（万元）']), investment: num(r['工业投资（万元）']) });
  }
  return { targets, actualsByMonth };
}
