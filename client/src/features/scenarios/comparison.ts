import type { RankingRow, ScenarioEvaluation, ScenarioMoney } from '@scoreboard/shared';
import type { Movement } from '../ranking/rankMovement';

/** One unit under the policy and under the scenario, for the side-by-side table. */
export interface ComparisonRow {
  unitId: string;
  unitName: string;
  before: RankingRow | null;
  after: RankingRow | null;
  movement: Movement;
  /** 万元, scenario minus policy */
  awardDiff: number;
  /** rank, score or award differs (SPEC §14 `changes`) */
  changed: boolean;
}

export function placeMovement(before: number | null, after: number | null): Movement {
  if (after === null) return null;
  if (before === null) return { kind: 'new' };
  if (before === after) return { kind: 'same' };
  return before > after ? { kind: 'up', places: before - after } : { kind: 'down', places: after - before };
}

/** In the scenario's order (its ranked units first), then units the scenario leaves out. */
export function comparisonRows(e: Pick<ScenarioEvaluation, 'base' | 'scenario' | 'changes'>): ComparisonRow[] {
  const before = new Map(e.base.rows.map((r) => [r.unitId, r]));
  const after = new Map(e.scenario.rows.map((r) => [r.unitId, r]));
  const changed = new Set(e.changes.map((c) => c.unitId));
  const order = [...e.scenario.rows.map((r) => r.unitId), ...e.base.rows.map((r) => r.unitId).filter((u) => !after.has(u))];
  return order.map((unitId) => {
    const b = before.get(unitId) ?? null;
    const a = after.get(unitId) ?? null;
    return {
      unitId,
      unitName: (a ?? b)!.unitName,
      before: b,
      after: a,
      movement: placeMovement(b?.rank ?? null, a?.rank ?? null),
      awardDiff: (a?.award ?? 0) - (b?.award ?? 0),
      changed: changed.has(unitId),
    };
  });
}

export type MoneyKey = 'countyWan' | 'subsidiesComputedWan' | 'subsidiesWan' | 'paidWan' | 'totalWan' | 'remainingWan';
export const MONEY_KEYS: readonly MoneyKey[] = ['countyWan', 'subsidiesComputedWan', 'subsidiesWan', 'paidWan', 'totalWan', 'remainingWan'];

/** Totals before and after, and the difference where both exist (a budget may be unset: null). */
export function moneyRows(totals: { before: ScenarioMoney; after: ScenarioMoney }) {
  return MONEY_KEYS.map((key) => {
    const before = totals.before[key];
    const after = totals.after[key];
    return { key, before, after, diff: before === null || after === null ? null : after - before };
  });
}
