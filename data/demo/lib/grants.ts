import {
  floor, mul, parseDecimal, rat, min, toFixed, toRational, type Policy, type SubsidyKind,
} from '@scoreboard/shared';

/**
 * Subsidy eligibility and grants recomputed from the demo CSVs (SPEC §6), apart from shared/.
 * Grant per enterprise and kind = ⌊min(Σ eligible fen × rate, cap) ÷ 1,000,000 fen⌋ 万元
 * (四(一)/四(二) caps; 六(一): 以万元为最小单位向下取整).
 */
export type Reason = 'not_above_size' | 'date_outside_window' | 'joint_punishment' | 'missing_declaration';
export interface CheckedApplication {
  applicationId: string;
  enterpriseName: string;
  creditCode: string;
  kind: SubsidyKind;
  costYuan: string;
  eligible: boolean;
  reasons: Reason[];
}
export interface ExpectedGrant {
  creditCode: string;
  enterpriseName: string;
  kind: SubsidyKind;
  applicationIds: string[];
  eligibleCostYuan: string;
  capWan: number;
  computedWan: number;
}

const KIND_BY_LABEL: Record<string, SubsidyKind> = { 展会: 'exhibition', 自办活动: 'event', 国际认证: 'certification' };
const FEN_PER_WAN = 1_000_000n;

export function checkApplications(
  records: Record<string, string>[],
  blacklistRecords: Record<string, string>[],
  policy: Policy,
): CheckedApplication[] {
  const listed = new Set(blacklistRecords.map((r) => r['统一社会信用代码']!));
  const { from, to } = policy.subsidies.claimWindow;
  return records.map((r) => {
    const kind = KIND_BY_LABEL[r['类别']!];
    if (!kind) throw new Error(`unknown kind ${r['类别']}`);
    const rule = policy.subsidies.kinds.find((k) => k.kind === kind)!;
    const date = r['日期']!;
    const reasons: Reason[] = [];
    if (rule.requiresAboveSize && r['是否规上'] !== '是') reasons.push('not_above_size');
    if (date < from || date > to) reasons.push('date_outside_window'); // ISO dates compare as text
    if (listed.has(r['统一社会信用代码']!)) reasons.push('joint_punishment');
    if (r['信用承诺'] !== '是') reasons.push('missing_declaration');
    return {
      applicationId: r['申报编号']!,
      enterpriseName: r['企业名称']!,
      creditCode: r['统一社会信用代码']!,
      kind,
      costYuan: r['申报费用（元）']!,
      eligible: reasons.length === 0,
      reasons,
    };
  });
}

export function expectedGrants(applications: CheckedApplication[], policy: Policy): ExpectedGrant[] {
  const groups = new Map<string, CheckedApplication[]>();
  for (const a of applications.filter((x) => x.eligible)) {
    const key = `${a.creditCode}/${a.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()].map((apps) => {
    const first = apps[0]!;
    const rule = policy.subsidies.kinds.find((k) => k.kind === first.kind)!;
    const fen = apps.reduce((sum, a) => {
      const f = mul(parseDecimal(a.costYuan), rat(100n));
      if (f.d !== 1n) throw new Error(`${a.applicationId}: cost is not whole fen`);
      return sum + f.n;
    }, 0n);
    const paidFen = min(mul(rat(fen), mul(toRational(rule.ratePct), rat(1n, 100n))), rat(BigInt(rule.capWan) * FEN_PER_WAN));
    return {
      creditCode: first.creditCode,
      enterpriseName: first.enterpriseName,
      kind: first.kind,
      applicationIds: apps.map((a) => a.applicationId),
      eligibleCostYuan: toFixed(rat(fen, 100n), 2),
      capWan: rule.capWan,
      computedWan: Number(floor(mul(paidFen, rat(1n, FEN_PER_WAN)))),
    };
  });
}

/**
 * SPEC §7 over budget: county awards stand; each grant = ⌊computed × available ÷ total computed⌋.
 * Written into expected.json as a worked example for a budget the admin might set.
 */
export function scaledGrants(grants: ExpectedGrant[], budgetWan: number, countyWan: number): { availableWan: number; grantedWan: number[] } {
  const total = grants.reduce((a, g) => a + g.computedWan, 0);
  const available = budgetWan - countyWan;
  if (available >= total) return { availableWan: available, grantedWan: grants.map((g) => g.computedWan) };
  return {
    availableWan: available,
    grantedWan: grants.map((g) => Number(floor(rat(BigInt(g.computedWan) * BigInt(Math.max(available, 0)), BigInt(total))))),
  };
}
