import { ONE, rat, type Rational } from './rational';

/**
 * The budget outcome, exactly: whole 万元 the policy defines (grants after its floor) and the scaling
 * factor as a rational. Turning it into API numbers is present/budget.ts's job.
 */
export interface BudgetOutcome {
  totalWan: number | null;
  countyWan: number;
  /** the granted subsidies */
  subsidiesWan: number;
  paidWan: number;
  /** total − paid; below zero only when the county awards alone exceed the total (overBudget) */
  remainingWan: number | null;
  /** available ÷ total computed, exactly (41/80, never 0.512499…); 1 when grants are paid as computed */
  factor: Rational;
  scaled: boolean;
  /** the county awards alone are above the budget total: an error the award table must show */
  overBudget: boolean;
  /** by how much the county awards exceed the total; null when they do not */
  shortfallWan: number | null;
}

/**
 * 六(一): all money paid stays within the budget total. Over it (the policy's default), county
 * awards stand and every grant is scaled by one factor, available ÷ total computed, rounded down:
 * granted = ⌊computed × available ÷ total computed⌋, in integers (BigInt: never through a float).
 * County awards above the total cannot be scaled by this rule: they stand, grants get nothing, and
 * the outcome says so (`overBudget`, `shortfallWan`) instead of a silently negative remainder.
 */
export function applyBudget(input: {
  totalWan: number | null;
  countyWan: number;
  computedWan: readonly number[];
}): { grantedWan: number[]; summary: BudgetOutcome } {
  const computedTotal = input.computedWan.reduce((s, c) => s + c, 0);
  const overBudget = input.totalWan !== null && input.countyWan > input.totalWan;
  const available = input.totalWan === null ? null : Math.max(0, input.totalWan - input.countyWan);
  const scaled = available !== null && computedTotal > available;
  const grantedWan = scaled
    ? input.computedWan.map((c) => Number((BigInt(c) * BigInt(available)) / BigInt(computedTotal)))
    : [...input.computedWan];
  const subsidiesWan = grantedWan.reduce((s, g) => s + g, 0);
  const paidWan = input.countyWan + subsidiesWan;
  return {
    grantedWan,
    summary: {
      totalWan: input.totalWan,
      countyWan: input.countyWan,
      subsidiesWan,
      paidWan,
      remainingWan: input.totalWan === null ? null : input.totalWan - paidWan,
      factor: scaled ? rat(BigInt(available), BigInt(computedTotal)) : ONE,
      scaled,
      overBudget,
      shortfallWan: overBudget ? input.countyWan - input.totalWan! : null,
    },
  };
}
