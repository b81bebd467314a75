import { awardsSchema, type Awards } from '@scoreboard/shared';
import { conflict, HttpError } from '../httpError';
import { msg } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { ChangeRecorder } from './changes';
import type { SubsidiesService } from './subsidies';

export function createAwardsService(deps: {
  policies: PolicyCatalog;
  policyState: Pick<PolicyStateRepository, 'revision' | 'finalization' | 'insertFinalization' | 'budgetOverride' | 'setBudgetOverride'>;
  subsidies: Pick<SubsidiesService, 'evaluate' | 'budgetTotalWan'>;
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

  function finalize(policyId: string, actor: string): Awards {
    deps.policies.get(policyId);
    const { result } = deps.record(policyId, 'finalize', () => {
      if (deps.policyState.finalization(policyId)) throw conflict('already_final', msg('already_final'));
      const table = live(policyId);
      if (table.month === null) throw new HttpError(409, 'no_data', msg('no_data'));
      const finalizedAt = new Date().toISOString();
      // The snapshot carries the revision the finalize itself produces: only later changes count
      // as "revised after finalization".
      const revision = table.revision + 1;
      const snapshot: Awards = { ...table, revision, final: true, finalizedAt, finalizedBy: actor };
      deps.policyState.insertFinalization(policyId, { revision, snapshot: JSON.stringify(snapshot), finalizedBy: actor, finalizedAt });
      return {
        result: snapshot,
        audit: { actor, action: 'awards.finalize', target: policyId, after: { month: table.month, revision, county: table.county.map((r) => [r.unitId, r.rank, r.award]) } },
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

  return { awards, finalize, setBudget };
}
export type AwardsService = ReturnType<typeof createAwardsService>;
