import { awardsSchema, periodGaps, type Awards, type BudgetSetting, type PeriodGap, type Policy } from '@scoreboard/shared';
import { conflict, HttpError } from '../httpError';
import { msg, type Localized } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { ChangeRecorder } from './changes';
import type { FiguresReader } from './figures';
import type { SubsidiesService } from './subsidies';

/** "城中区：缺 12月 规上工业总产值完成、工业投资目标" — in the policy's own indicator names. */
function gapText(gap: PeriodGap, policy: Policy): Localized {
  const named = gap.missing.map((code) => {
    const [id, what] = code.split('.');
    const indicator = policy.countyAward.indicators.find((i) => i.indicatorId === id);
    return {
      zh: `${indicator?.name ?? id}${what === 'target' ? '目标' : '完成'}`,
      en: `${indicator?.nameEn ?? id} ${what === 'target' ? 'target' : 'actual'}`,
    };
  });
  return {
    zh: `${gap.unitName}：缺 ${gap.month}月 ${named.map((n) => n.zh).join('、')}`,
    en: `${gap.unitName}: month ${gap.month} lacks ${named.map((n) => n.en).join(', ')}`,
  };
}

export function createAwardsService(deps: {
  policies: PolicyCatalog;
  policyState: Pick<PolicyStateRepository, 'revision' | 'finalization' | 'insertFinalization' | 'budgetOverride' | 'setBudgetOverride' | 'disqualifications'>;
  subsidies: Pick<SubsidiesService, 'evaluate' | 'budgetTotalWan'>;
  figures: Pick<FiguresReader, 'units'>;
  record: ChangeRecorder;
}) {
  function live(policyId: string): Awards {
    const { policy } = deps.policies.get(policyId);
    const { county, result } = deps.subsidies.evaluate(policyId);
    return {
      policyId,
      title: policy.title,
      draft: policy.status === 'draft',
      example: policy.example,
      month: county.month,
      timeProgress: county.timeProgress,
      revision: deps.policyState.revision(policyId),
      final: false,
      finalizedAt: null,
      finalizedBy: null,
      revisedAfterFinalization: false,
      county: county.rows,
      grants: result.grants,
      budget: result.budget,
      incompleteOverride: null,
    };
  }

  /** Live figures, or — once final — exactly the frozen snapshot (SPEC.md §9). */
  function awards(policyId: string): Awards {
    deps.policies.get(policyId);
    const final = deps.policyState.finalization(policyId);
    if (!final) return live(policyId);
    const snapshot = awardsSchema.parse(JSON.parse(final.snapshot));
    return { ...snapshot, revisedAfterFinalization: deps.policyState.revision(policyId) > final.revision };
  }

  /** Units not disqualified that lack the period's last month (or a target): finalizing waits for them. */
  function gaps(policyId: string): PeriodGap[] {
    const { policy, registry } = deps.policies.get(policyId);
    const disqualified = Object.fromEntries(deps.policyState.disqualifications(policyId).map((d) => [d.unitId, true]));
    return periodGaps({ policy, registry, figures: deps.figures.units(policyId), disqualified });
  }

  /**
   * Freezes the award table (SPEC §9). A period whose last month is missing for a unit that is not
   * disqualified is refused with every unit and month named; a leader may still finalize it with a
   * written reason, which the snapshot, the audit log and the print keep.
   */
  function finalize(policyId: string, actor: string, override?: { reason: string }): Awards {
    const { policy } = deps.policies.get(policyId);
    const { result } = deps.record(policyId, 'finalize', () => {
      if (deps.policyState.finalization(policyId)) throw conflict('already_final', msg('already_final'));
      const table = live(policyId);
      if (table.month === null) throw new HttpError(409, 'no_data', msg('no_data'));
      const missing = gaps(policyId);
      if (missing.length > 0 && !override) {
        const month = missing[0]!.month;
        throw new HttpError(
          409,
          'period_incomplete',
          msg('period_incomplete', { count: missing.length, month }),
          { details: missing.map((g) => ({ path: g.unitId, message: gapText(g, policy) })), incomplete: missing },
        );
      }
      const finalizedAt = new Date().toISOString();
      // The snapshot carries the revision the finalize itself produces: only later changes count
      // as "revised after finalization".
      const revision = table.revision + 1;
      // An override on a complete period records nothing: there was nothing to override.
      const incompleteOverride = missing.length > 0 && override ? { reason: override.reason, by: actor, at: finalizedAt, gaps: missing } : null;
      const snapshot: Awards = { ...table, revision, final: true, finalizedAt, finalizedBy: actor, incompleteOverride };
      deps.policyState.insertFinalization(policyId, { revision, snapshot: JSON.stringify(snapshot), finalizedBy: actor, finalizedAt });
      const after = { month: table.month, revision, county: table.county.map((r) => [r.unitId, r.rank, r.award]) };
      return {
        result: snapshot,
        audit: {
          actor,
          action: 'awards.finalize',
          target: policyId,
          after: incompleteOverride ? { ...after, incompleteOverride: { reason: incompleteOverride.reason, gaps: missing.map((g) => [g.unitId, g.month, g.missing]) } } : after,
        },
      };
    });
    return result;
  }

  function setBudget(policyId: string, totalWan: number | null, actor: string) {
    deps.policies.get(policyId);
    const before = deps.subsidies.budgetTotalWan(policyId);
    deps.record(policyId, 'budget', () => {
      deps.policyState.setBudgetOverride(policyId, totalWan);
      return {
        result: null,
        audit: { actor, action: 'budget.set', target: policyId, before: { totalWan: before }, after: { totalWan: deps.subsidies.budgetTotalWan(policyId) } },
      };
    });
    // The live summary: a finalized snapshot keeps the budget it was frozen with.
    return live(policyId).budget;
  }

  /** The budget total in force now (not a finalized snapshot's): what the admin form edits. */
  function budgetSetting(policyId: string): BudgetSetting {
    const { policy } = deps.policies.get(policyId);
    const override = deps.policyState.budgetOverride(policyId);
    const totalWan = deps.subsidies.budgetTotalWan(policyId);
    return { policyId, totalWan, source: override !== null ? 'admin' : totalWan !== null ? 'policy' : 'none', policyTotalWan: policy.budget.totalWan };
  }

  return { awards, finalize, setBudget, budgetSetting };
}
export type AwardsService = ReturnType<typeof createAwardsService>;
