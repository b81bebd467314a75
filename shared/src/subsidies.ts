import { z } from 'zod';
import type { IneligibilityReason } from './api';
import { FEN_PER_WAN } from './money';
import { subsidyKindSchema, type Policy } from './policy';
import { applyBudget, type BudgetOutcome } from './budget';
import { toRational, type Rational } from './rational';

/** One application as stored from an upload (SPEC.md §6). */
export const applicationInputSchema = z.object({
  applicationId: z.string().min(1),
  enterpriseName: z.string().min(1),
  creditCode: z.string().length(18),
  aboveSize: z.boolean().nullable(),
  kind: subsidyKindSchema,
  item: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  costFen: z.number().int().nonnegative(),
  certType: z.string().nullable(),
  declaration: z.boolean().nullable(),
});
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

type KindRule = Policy['subsidies']['kinds'][number];

/** Every reason an application is not eligible — all of them, not just the first (六(二), 四). */
export function ineligibilityReasons(
  app: ApplicationInput,
  rule: KindRule,
  policy: Pick<Policy, 'subsidies'>,
  blacklist: ReadonlySet<string>,
): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  // 四(一): exhibitions and own events are for 规模以上工业企业 only
  if (rule.requiresAboveSize && app.aboveSize !== true) reasons.push('not_above_size');
  const { from, to } = policy.subsidies.claimWindow;
  if (app.date === null || app.date < from || app.date > to) reasons.push('date_outside_window');
  // 六(二): 未被列为失信联合惩戒对象
  if (blacklist.has(app.creditCode)) reasons.push('joint_punishment');
  if (policy.subsidies.requiredDeclarations.includes('declaration') && app.declaration !== true) {
    reasons.push('missing_declaration');
  }
  return reasons;
}

/**
 * The grant for one enterprise and kind: min(rate × eligible cost, cap), rounded down to whole
 * 万元 once (六(一): 以万元为最小单位向下取整). With rate 50%: ⌊min(costFen, 2 × capFen) ÷ 2,000,000⌋.
 * Integer arithmetic in BigInt: rate × cost never passes through a float.
 */
export function grantWan(costsFen: readonly number[], rule: KindRule): number {
  const rate = toRational(rule.ratePct); // percent, exact
  const capFen = BigInt(rule.capWan) * BigInt(FEN_PER_WAN);
  const scale = rate.d * 100n; // payable fen = cost × rate.n ÷ scale
  const payableScaled = (costFen: bigint) => {
    const raw = costFen * rate.n;
    const cap = capFen * scale;
    return raw < cap ? raw : cap;
  };
  let total: bigint;
  if (rule.capScope === 'perEvent') {
    total = costsFen.reduce((s, c) => s + payableScaled(BigInt(c)), 0n);
  } else {
    total = payableScaled(costsFen.reduce((s, c) => s + BigInt(c), 0n));
  }
  return Number(total / (scale * BigInt(FEN_PER_WAN)));
}

/** One application and its eligibility: every reason it fails, never silently dropped. */
export interface ApplicationOutcome {
  application: ApplicationInput;
  eligible: boolean;
  reasons: IneligibilityReason[];
}

/** One grant (an enterprise and a kind): integer fen in, whole 万元 out as the policy rounds them. */
export interface GrantOutcome {
  creditCode: string;
  enterpriseName: string;
  kind: string;
  applicationIds: string[];
  eligibleCostFen: number;
  capWan: number;
  /** min(rate × cost, cap), rounded down to whole 万元 (六(一)) */
  computedWan: number;
  /** after the budget's scaling, rounded down again (六(一)) */
  grantedWan: number;
}

/**
 * Subsidies, exactly: integers the policy defines and the budget factor as a rational. API shapes
 * (yuan strings, the factor as a number) come from present/subsidies.ts, never from here.
 */
export interface SubsidyResult {
  applications: ApplicationOutcome[];
  grants: GrantOutcome[];
  totals: { computedWan: number; grantedWan: number };
  factor: Rational;
  budget: BudgetOutcome;
}

export function evaluateSubsidies(input: {
  policy: Policy;
  applications: readonly ApplicationInput[];
  blacklist: ReadonlySet<string>;
  countyWan: number;
  budgetTotalWan: number | null;
}): SubsidyResult {
  const { policy } = input;
  const rules = new Map(policy.subsidies.kinds.map((k) => [k.kind, k]));
  const kindOrder = policy.subsidies.kinds.map((k) => k.kind);
  const applications: ApplicationOutcome[] = [];
  const groups = new Map<string, { rule: KindRule; apps: ApplicationInput[] }>();
  for (const app of input.applications) {
    const rule = rules.get(app.kind);
    // A kind this policy does not pay (e.g. stored under another period's rules) is never silently dropped.
    const reasons: IneligibilityReason[] = rule ? ineligibilityReasons(app, rule, policy, input.blacklist) : ['kind_not_in_policy'];
    const eligible = rule !== undefined && reasons.length === 0;
    applications.push({ application: app, eligible, reasons });
    if (eligible && rule) {
      const key = `${app.creditCode}/${app.kind}`;
      const g = groups.get(key) ?? { rule, apps: [] };
      g.apps.push(app);
      groups.set(key, g);
    }
  }
  const computed = [...groups.values()]
    .map(({ rule, apps }) => ({
      creditCode: apps[0]!.creditCode,
      enterpriseName: apps[0]!.enterpriseName,
      kind: rule.kind,
      applicationIds: apps.map((a) => a.applicationId),
      eligibleCostFen: apps.reduce((s, a) => s + a.costFen, 0),
      capWan: rule.capWan,
      computedWan: grantWan(
        apps.map((a) => a.costFen),
        rule,
      ),
    }))
    .sort((a, b) => a.creditCode.localeCompare(b.creditCode) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  const budget = applyBudget({
    totalWan: input.budgetTotalWan,
    countyWan: input.countyWan,
    computedWan: computed.map((g) => g.computedWan),
  });
  const grants: GrantOutcome[] = computed.map((g, i) => ({ ...g, grantedWan: budget.grantedWan[i]! }));
  return {
    applications,
    grants,
    totals: {
      computedWan: computed.reduce((s, g) => s + g.computedWan, 0),
      grantedWan: grants.reduce((s, g) => s + g.grantedWan, 0),
    },
    factor: budget.summary.factor,
    budget: budget.summary,
  };
}
