import {
  cmp, div, gte, HUNDRED, mul, sub, ONE, toFixed, toRational, type Policy, type Rational, type Registry,
} from '@scoreboard/shared';

/**
 * Industry growth and status recomputed from the demo CSV (SPEC §5), apart from shared/ on purpose.
 * The reported rate wins; a blank one is computed as this year ÷ last year − 1 ("computed").
 * Only the window's last month is judged here, as the demo data covers months 1–9.
 */
export interface IndustryResult {
  industryId: string;
  nameInFile: string;
  series: { month: number; growth: string | null; computed: boolean }[]; // growth %, 2 decimals
  status: 'met' | 'not_met' | 'no_target' | 'no_data';
}

export function industryResolver(registry: Registry): (name: string) => string {
  return (name) => {
    const found = registry.industries.find((i) => i.name === name || i.shortName === name || i.aliases.includes(name));
    if (!found) throw new Error(`industry name not in the registry: ${name}`);
    return found.industryId;
  };
}

export function industryResults(records: Record<string, string>[], policy: Policy, registry: Registry): IndustryResult[] {
  const resolve = industryResolver(registry);
  const last = policy.industries.windowToMonth;
  return policy.industries.targets.map(({ industryId, target }) => {
    const rows = records.filter((r) => resolve(r['产业']!) === industryId);
    const growth = new Map<number, { value: Rational; computed: boolean }>();
    for (const r of rows) {
      const reported = r['累计增速（%）'];
      const output = r['本年累计（万元）'];
      const lastYear = r['上年同期累计（万元）'];
      if (reported) growth.set(Number(r['月份']), { value: toRational(reported), computed: false });
      else if (output && lastYear) {
        const value = mul(sub(div(toRational(output), toRational(lastYear)), ONE), HUNDRED);
        growth.set(Number(r['月份']), { value, computed: true });
      }
    }
    const series = rows.map((r) => {
      const g = growth.get(Number(r['月份']));
      return { month: Number(r['月份']), growth: g ? toFixed(g.value, 2) : null, computed: g?.computed ?? false };
    });
    const at = (m: number): Rational | undefined => growth.get(m)?.value;
    let status: IndustryResult['status'];
    if (target === null) status = 'no_target';
    else if (!at(last)) status = 'no_data';
    else if (target.kind === 'growthAtLeast') status = gte(at(last)!, toRational(target.pct)) ? 'met' : 'not_met';
    else {
      // 降幅持续收窄 (eachMonth): every month of the period above the month before;
      // 下滑幅度进一步收窄 (vsMonth): the latest month above the named month (三(三), 三(九)).
      const pairs = target.mode === 'eachMonth' ? policy.period.months.map((m) => [m - 1, m] as const) : [[target.month, last] as const];
      if (pairs.some(([a, b]) => !at(a) || !at(b))) status = 'no_data';
      else status = pairs.every(([a, b]) => cmp(at(b)!, at(a)!) > 0) ? 'met' : 'not_met';
    }
    return { industryId, nameInFile: rows[0]?.['产业'] ?? '', series, status };
  });
}
