import type { BudgetSummary } from './api';

/**
 * 六(一): all money paid stays within the budget total. Over it (the policy's default), county
 * awards stand and every grant is scaled by one factor, available ÷ total computed, rounded down:
 * granted = ⌊computed × available ÷ total computed⌋, in integers.
 */
export function applyBudget(input: {
  totalWan: number | null;
  countyWan: number;
  computedWan: readonly number[];
}): { grantedWan: number[]; summary: BudgetSummary } {
  const computedTotal = input.computedWan.reduce((s, c) => s + c, 0);
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
      factor: scaled ? Math.floor((available! / computedTotal) * 1e6) / 1e6 : 1,
      scaled,
    },
  };
}
