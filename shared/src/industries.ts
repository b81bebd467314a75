import type { IndustryRow, IndustryStatus } from './api';
import type { IndustryMonth } from './keys';
import type { IndustryTarget, Policy, Registry } from './policy';
import {
  cmp, div, gte, HUNDRED, isDecimal, mul, ONE, parseDecimal, sub, toNumber, toRational, type Rational,
} from './rational';

/**
 * Industry growth against the policy's targets (SPEC.md §5, policy 三). The reported cumulative
 * rate (可比口径) wins; without it, growth = this year ÷ last year − 1, flagged as computed.
 */
export interface Growth {
  month: number;
  growth: Rational;
  computed: boolean;
}

const read = (text: string | undefined): Rational | null =>
  text !== undefined && isDecimal(text) ? parseDecimal(text) : null;

export function growthOf(month: number, figures: IndustryMonth): Growth | null {
  const reported = read(figures.growth);
  if (reported !== null) return { month, growth: reported, computed: false };
  const output = read(figures.output);
  const last = read(figures.outputLastYear);
  if (output === null || last === null || last.n <= 0n) return null;
  return { month, growth: mul(sub(div(output, last), ONE), HUNDRED), computed: true };
}

/** True when every month's growth in `months` is above the one before it; null when data is missing. */
function keepsNarrowing(byMonth: Map<number, Growth>, from: number, to: number): boolean | null {
  for (let m = from; m <= to; m++) {
    const now = byMonth.get(m);
    const before = byMonth.get(m - 1);
    if (!now || !before) return null;
    if (cmp(now.growth, before.growth) <= 0) return false;
  }
  return true;
}

/**
 * met / not_met once the window's last month has data; on_track / behind before it; no_data when a
 * comparison lacks its figures; no_target when the policy sets none.
 */
export function industryStatus(
  target: IndustryTarget | null,
  byMonth: Map<number, Growth>,
  policy: Pick<Policy, 'period' | 'industries'>,
): IndustryStatus {
  if (target === null) return 'no_target';
  const last = policy.industries.windowToMonth;
  const months = [...byMonth.keys()].filter((m) => m <= last).sort((a, b) => a - b);
  const latest = months.at(-1);
  if (latest === undefined) return 'no_data';
  const final = latest === last;
  const verdict = (ok: boolean): IndustryStatus => (final ? (ok ? 'met' : 'not_met') : ok ? 'on_track' : 'behind');

  if (target.kind === 'growthAtLeast') {
    return verdict(gte(byMonth.get(latest)!.growth, toRational(target.pct)));
  }
  if (target.mode === 'vsMonth') {
    const base = byMonth.get(target.month);
    if (!base || latest <= target.month) return 'no_data';
    return verdict(cmp(byMonth.get(latest)!.growth, base.growth) > 0);
  }
  // eachMonth: every month of the policy period narrower than the month before (降幅持续收窄)
  const first = policy.period.months[0]!;
  const upTo = Math.min(latest, policy.period.months.at(-1)!);
  if (upTo < first) return 'no_data';
  const ok = keepsNarrowing(byMonth, first, upTo);
  return ok === null ? 'no_data' : verdict(ok);
}

export function industryRows(input: {
  policy: Policy;
  registry: Registry;
  figures: Record<string, Record<number, IndustryMonth>>;
}): IndustryRow[] {
  const { policy, registry } = input;
  return policy.industries.targets.map((t) => {
    const industry = registry.industries.find((i) => i.industryId === t.industryId);
    const months = input.figures[t.industryId] ?? {};
    const byMonth = new Map<number, Growth>();
    const series: IndustryRow['series'] = [];
    for (const key of Object.keys(months).map(Number).sort((a, b) => a - b)) {
      const f = months[key]!;
      const g = growthOf(key, f);
      if (g) byMonth.set(key, g);
      const output = read(f.output);
      const last = read(f.outputLastYear);
      series.push({
        month: key,
        growth: g ? toNumber(g.growth, 2) : null,
        computed: g?.computed ?? false,
        output: output === null ? null : toNumber(output, 4),
        outputLastYear: last === null ? null : toNumber(last, 4),
      });
    }
    const inWindow = [...byMonth.values()].filter((g) => g.month <= policy.industries.windowToMonth);
    const latest = inWindow.at(-1);
    return {
      industryId: t.industryId,
      name: industry?.name ?? t.industryId,
      shortName: industry?.shortName ?? t.industryId,
      target:
        t.target === null
          ? null
          : t.target.kind === 'growthAtLeast'
            ? { kind: 'growthAtLeast' as const, pct: toNumber(toRational(t.target.pct), 4) }
            : t.target,
      targetText: t.text,
      series,
      latest: latest ? { month: latest.month, growth: toNumber(latest.growth, 2) } : null,
      status: industryStatus(t.target, byMonth, policy),
    };
  });
}
