import type { Application, BudgetSummary, Grant } from '../api';
import type { BudgetOutcome } from '../budget';
import { fenToYuan } from '../money';
import { toFixed, toFraction, toNumber, type Rational } from '../rational';
import type { ApplicationOutcome, GrantOutcome, SubsidyResult } from '../subsidies';

/**
 * The one adapter from exact subsidies and budget (../subsidies.ts, ../budget.ts) to API v1 (SPEC
 * §11). Fen become yuan strings (exact); the factor, a rational, becomes a number to 6 places and a
 * text to 4, both half-up for display, beside its exact fraction. No money is rounded here: grants
 * are whole 万元 already, rounded down where the policy says (六(一)).
 */
export function presentFactor(factor: Rational): { factor: number; factorFraction: string; factorText: string } {
  return { factor: toNumber(factor, 6), factorFraction: toFraction(factor), factorText: toFixed(factor, 4) };
}

export function presentBudget(b: BudgetOutcome): BudgetSummary {
  return {
    totalWan: b.totalWan,
    countyWan: b.countyWan,
    subsidiesWan: b.subsidiesWan,
    paidWan: b.paidWan,
    remainingWan: b.remainingWan,
    scaled: b.scaled,
    ...presentFactor(b.factor),
    overBudget: b.overBudget,
    shortfallWan: b.shortfallWan,
  };
}

export function presentApplication({ application: a, eligible, reasons }: ApplicationOutcome): Application {
  return {
    applicationId: a.applicationId,
    enterpriseName: a.enterpriseName,
    creditCode: a.creditCode,
    aboveSize: a.aboveSize,
    kind: a.kind,
    item: a.item,
    date: a.date,
    costYuan: fenToYuan(a.costFen),
    certType: a.certType,
    declaration: a.declaration,
    eligible,
    reasons,
  };
}

export function presentGrant(g: GrantOutcome): Grant {
  const { eligibleCostFen, ...rest } = g;
  return { ...rest, eligibleCostYuan: fenToYuan(eligibleCostFen) };
}

/** API shapes of a subsidy evaluation: what GET …/subsidies and the award table show. */
export function presentSubsidies(r: SubsidyResult) {
  return {
    applications: r.applications.map(presentApplication),
    grants: r.grants.map(presentGrant),
    totals: r.totals,
    ...presentFactor(r.factor),
    budget: presentBudget(r.budget),
  };
}
export type PresentedSubsidies = ReturnType<typeof presentSubsidies>;
