import { presentBudget } from './present/subsidies';
import { z } from 'zod';
import type { Ranking, ScenarioChange, ScenarioEvaluation, ScenarioMoney, SettingChange } from './api';
import type { UnitFigures } from './keys';
import { policySchema, type LoadedPolicy, type Policy } from './policy';
import { policyReferenceIssues, type PolicyIssue } from './policyLoad';
import { presentRankResult } from './present/ranking';
import { rankUnits } from './ranking';
import { eq, isDecimal, parseDecimal } from './rational';
import { evaluateSubsidies, type ApplicationInput } from './subsidies';

/**
 * Scenarios (SPEC §14): a whole policy document with some settings changed, ranked on the stored
 * figures of the policy it was drawn from. Nothing here stores anything; the server passes in the
 * figures and the stored ranking.
 */

export type ScenarioParse = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

/** The registry checks of `units` on a document that did not parse as a whole. */
function unitIssues(json: unknown, base: LoadedPolicy): PolicyIssue[] {
  const units = typeof json === 'object' && json !== null && 'units' in json ? json.units : undefined;
  if (!Array.isArray(units) || !units.every((u) => typeof u === 'string')) return [];
  const checked = policyReferenceIssues({ ...base.policy, units: units as string[], industries: { ...base.policy.industries, targets: [] } }, base.registry);
  return checked.filter((i) => i.path.startsWith('units.'));
}

/**
 * A scenario document is a policy document (policySchema) whose references hold in the base
 * policy's registry (units, industries, registry id — as loadPolicy checks a file), and whose
 * months are the base's: it is ranked on the base's figures, which are stored by month.
 * Its `policyId` may be any valid id (e.g. the draft it is meant to become): the figures are always
 * those of the base.
 */
export function parseScenarioPolicy(json: unknown, base: LoadedPolicy, options: { error?: z.core.$ZodErrorMap } = {}): ScenarioParse {
  const parsed = policySchema.safeParse(json, options.error ? { error: options.error } : undefined);
  if (!parsed.success) {
    // One reason per path, the first: a setting that is not a number also fails the refinements
    // after it ("cannot be negative" for "abc"), which would only confuse.
    const byPath = new Map<string, string>();
    for (const i of parsed.error.issues) {
      const path = i.path.map(String).join('.') || '(root)';
      if (!byPath.has(path)) byPath.set(path, i.message);
    }
    // The unit list is checked against the registry even when other settings fail: a leader who
    // typed an unknown unit hears of it in the same answer.
    for (const i of unitIssues(json, base)) if (!byPath.has(i.path)) byPath.set(i.path, i.message);
    return { ok: false, issues: [...byPath].map(([path, message]) => ({ path, message })) };
  }
  const policy = parsed.data;
  const issues = policyReferenceIssues(policy, base.registry);
  const months = base.policy.period.months;
  if (policy.period.months.join(',') !== months.join(',')) {
    issues.push({
      path: 'period.months',
      message: `a scenario is ranked on the figures of ${base.policy.policyId}, stored for months ${months.join(', ')}: keep those months`,
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, policy };
}

/** Every unit whose rank, published score or award differs, in the scenario's order. */
export function rankingChanges(base: Pick<Ranking, 'rows'>, scenario: Pick<Ranking, 'rows'>): ScenarioChange[] {
  const before = new Map(base.rows.map((r) => [r.unitId, r]));
  const after = new Map(scenario.rows.map((r) => [r.unitId, r]));
  const order = [...scenario.rows.map((r) => r.unitId), ...base.rows.map((r) => r.unitId).filter((u) => !after.has(u))];
  const changes: ScenarioChange[] = [];
  for (const unitId of order) {
    const b = before.get(unitId);
    const a = after.get(unitId);
    const change: ScenarioChange = {
      unitId,
      unitName: (a ?? b)!.unitName,
      rankBefore: b?.rank ?? null,
      rankAfter: a?.rank ?? null,
      scoreBefore: b?.score ?? null,
      scoreAfter: a?.score ?? null,
      awardBefore: b?.award ?? 0,
      awardAfter: a?.award ?? 0,
    };
    // A unit in only one of the two differs even when it is unranked in both: it left or joined.
    if (!a || !b || change.rankBefore !== change.rankAfter || change.scoreBefore !== change.scoreAfter || change.awardBefore !== change.awardAfter) {
      changes.push(change);
    }
  }
  return changes;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const decimalLike = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && isDecimal(v) && v.trim() === v);

/** 0.5 and "0.50" are the same setting (decimalSetting reads both exactly). */
function sameLeaf(a: unknown, b: unknown): boolean {
  if (decimalLike(a) && decimalLike(b)) return eq(parseDecimal(String(a)), parseDecimal(String(b)));
  return a === b;
}

/**
 * The settings a scenario changes: each differing leaf by its path ("countyAward.indicators.0.
 * bonusPerPoint"); a list whose length changed (award tiers, tie-breakers) as the whole list.
 */
export function settingChanges(before: unknown, after: unknown, path = ''): SettingChange[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [{ path: path || '(root)', before, after }];
    return before.flatMap((b, i) => settingChanges(b, after[i], at(i)));
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => settingChanges(before[k], after[k], at(k)));
  }
  if (isPlainObject(before) || isPlainObject(after) || Array.isArray(before) || Array.isArray(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(root)', before: before ?? null, after: after ?? null }];
  }
  return sameLeaf(before, after) ? [] : [{ path: path || '(root)', before: before ?? null, after: after ?? null }];
}

/**
 * The budget a scenario is paid from (六(一)). A policy file's `budget.totalWan` may be overridden
 * by an admin (PUT …/budget); a scenario document drawn from the file carries the file's value. So:
 * a scenario that leaves `budget.totalWan` as the file has it is paid from the budget in force
 * (the override when one is set); one that changes it is paid from its own value.
 */
export function scenarioBudgetWan(base: Pick<Policy, 'budget'>, scenario: Pick<Policy, 'budget'>, budgetInForceWan: number | null): number | null {
  return scenario.budget.totalWan === base.budget.totalWan ? budgetInForceWan : scenario.budget.totalWan;
}

/** County awards, subsidies and budget of one side: SPEC §6–§7 over that side's county awards. */
export function scenarioMoney(input: {
  policy: Policy;
  county: Pick<Ranking, 'rows'>;
  applications: readonly ApplicationInput[];
  blacklist: ReadonlySet<string>;
  budgetTotalWan: number | null;
}): ScenarioMoney {
  const result = evaluateSubsidies({
    policy: input.policy,
    applications: input.applications,
    blacklist: input.blacklist,
    countyWan: input.county.rows.reduce((s, r) => s + r.award, 0),
    budgetTotalWan: input.budgetTotalWan,
  });
  // API numbers from the one adapter (present/subsidies.ts): the factor as a number, its fraction and text
  return { ...presentBudget(result.budget), subsidiesComputedWan: result.totals.computedWan };
}

export interface ScenarioInput {
  /** the policy as stored, and its ranking exactly as GET …/ranking answers */
  base: LoadedPolicy;
  baseRanking: Ranking;
  /** a document that passed parseScenarioPolicy */
  scenario: Policy;
  figures: Record<string, UnitFigures>;
  disqualified: Record<string, { reason: string }>;
  applications: readonly ApplicationInput[];
  blacklist: ReadonlySet<string>;
  /** the admin's override, else the file's: what the award page pays from */
  budgetInForceWan: number | null;
}

/** The scenario ranked on the base's figures, month and 一票否决, in GET …/ranking's shape. */
export function scenarioRanking(input: Pick<ScenarioInput, 'base' | 'baseRanking' | 'scenario' | 'figures' | 'disqualified'>): Ranking {
  const { baseRanking: b } = input;
  const result = rankUnits({
    policy: input.scenario,
    registry: input.base.registry,
    // the base's month, even when the scenario drops the indicator that had the latest data
    month: b.month,
    figures: input.figures,
    disqualified: input.disqualified,
  });
  const presented = presentRankResult(result, input.scenario);
  return {
    ...b,
    ...presented,
    rows: presented.rows.map((row) => ({ ...row, previousRank: null })),
    previousRevision: null,
    final: false,
    revisedAfterFinalization: false,
  };
}

/** The money of the stored policy: what `totals.before` says (the server caches it per revision). */
export function baseMoney(input: Pick<ScenarioInput, 'base' | 'baseRanking' | 'applications' | 'blacklist' | 'budgetInForceWan'>): ScenarioMoney {
  return scenarioMoney({
    policy: input.base.policy,
    county: input.baseRanking,
    applications: input.applications,
    blacklist: input.blacklist,
    budgetTotalWan: input.budgetInForceWan,
  });
}

/** POST …/scenarios/evaluate (SPEC §14): both rankings, what differs, and the money before and after. */
export function evaluateScenario(input: ScenarioInput & { baseMoney?: ScenarioMoney }): ScenarioEvaluation {
  const scenario = scenarioRanking(input);
  const settings = settingChanges(input.base.policy, input.scenario);
  const before = input.baseMoney ?? baseMoney(input);
  const budget = scenarioBudgetWan(input.base.policy, input.scenario, input.budgetInForceWan);
  const countyWan = scenario.rows.reduce((s, r) => s + r.award, 0);
  // Most scenarios change the county rules only: same subsidy rules, budget and county total → the
  // same grants and budget, without evaluating every application again.
  const sameMoney = countyWan === before.countyWan && budget === before.totalWan && !settings.some((c) => c.path.startsWith('subsidies.'));
  return {
    policyId: input.base.policy.policyId,
    month: input.baseRanking.month,
    base: input.baseRanking,
    scenario,
    changes: rankingChanges(input.baseRanking, scenario),
    totals: {
      before,
      after: sameMoney
        ? before
        : scenarioMoney({ policy: input.scenario, county: scenario, applications: input.applications, blacklist: input.blacklist, budgetTotalWan: budget }),
    },
    settings,
  };
}
