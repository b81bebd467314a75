import {
  parseScenarioPolicy, rankRanges, rankUnits, standardScenarios,
  type Policy, type Stability,
} from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { RankingService } from './ranking';
import type { SavedScenariosService } from './savedScenarios';
import type { ScenariosService } from './scenarios';

/**
 * The stability view (SPEC §14): each unit's best and worst rank over the policy itself, the
 * standard set (shared/src/scenarioSet.ts) and the saved scenarios of the policy, all at the same
 * month on the same figures — which places are robust, and which hinge on the rule. Cached until
 * the figures change (revision) or a scenario is saved or deleted.
 */
export function createStabilityService(deps: {
  policies: Pick<PolicyCatalog, 'get'>;
  policyState: Pick<PolicyStateRepository, 'revision'>;
  ranking: Pick<RankingService, 'ranking'>;
  scenarios: Pick<ScenariosService, 'inputs'>;
  saved: Pick<SavedScenariosService, 'stored' | 'storedIds'>;
}) {
  const cache = new Map<string, { key: string; value: Stability }>();

  function compute(policyId: string, month: number | undefined): Stability {
    const base = deps.policies.get(policyId);
    const baseRanking = deps.ranking.ranking(policyId, month);
    const { figures, disqualified } = deps.scenarios.inputs(policyId);
    const ranksOf = (policy: Policy) => {
      const result = rankUnits({ policy, registry: base.registry, month: baseRanking.month, figures, disqualified });
      return new Map(result.rows.map((r) => [r.unitId, r.rank]));
    };

    const scenarios: Stability['scenarios'] = [{ key: 'base', source: 'base', variation: null, scenarioId: null, name: null }];
    const rankings = [{ key: 'base', ranks: new Map(baseRanking.rows.map((r) => [r.unitId, r.rank])) }];
    for (const s of standardScenarios(base.policy)) {
      scenarios.push({ key: s.key, source: 'standard', variation: s.variation, scenarioId: null, name: null });
      rankings.push({ key: s.key, ranks: ranksOf(s.policy) });
    }
    const skipped: Stability['skipped'] = [];
    for (const stored of deps.saved.stored(policyId)) {
      // A saved document that no longer fits the policy (its registry changed) is named, not dropped silently.
      const parsed = parseScenarioPolicy(JSON.parse(stored.document), base);
      if (!parsed.ok) {
        skipped.push({ scenarioId: stored.scenarioId, name: stored.name, reason: parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ') });
        continue;
      }
      const key = `saved:${stored.scenarioId}`;
      scenarios.push({ key, source: 'saved', variation: null, scenarioId: stored.scenarioId, name: stored.name });
      rankings.push({ key, ranks: ranksOf(parsed.policy) });
    }
    return {
      policyId,
      month: baseRanking.month,
      revision: baseRanking.revision,
      scenarios,
      skipped,
      units: rankRanges(baseRanking.rows, rankings),
    };
  }

  return {
    stability(policyId: string, month?: number): Stability {
      deps.policies.get(policyId);
      const saved = deps.saved.storedIds(policyId).join(',');
      const key = `${deps.policyState.revision(policyId)}/${month ?? 'latest'}/${saved}`;
      const hit = cache.get(policyId);
      if (hit && hit.key === key) return hit.value;
      const value = compute(policyId, month);
      cache.set(policyId, { key, value });
      return value;
    },
  };
}
export type StabilityService = ReturnType<typeof createStabilityService>;
