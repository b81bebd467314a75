import { createHash } from 'node:crypto';
import {
  parseScenarioPolicy, scenarioBudgetWan, settingChanges, uploadKindSchema,
  type Policy, type PolicySummary,
} from '@scoreboard/shared';
import { conflict, HttpError } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { AdoptedPoliciesRepository } from '../repositories/adoptedPolicies';
import type { BatchesRepository } from '../repositories/batches';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { ChangeRecorder } from './changes';
import type { PoliciesService } from './policies';
import type { SavedScenariosService } from './savedScenarios';
import type { SubsidiesService } from './subsidies';
import { msg } from '../i18n/messages';

export interface AdoptInput {
  fromPolicyId: string;
  scenarioId: number;
  id: string;
  title: string;
  titleEn?: string;
}

/**
 * An admin adopts a saved scenario as a new draft policy (SPEC §14). Leadership adopts a rule for
 * the same period it was tried on, so the new policy starts with the figures it was tried on: every
 * figure in force of the base (targets, actuals, industries, applications, blacklist) is copied as
 * one batch per kind, by the admin, and the base's 一票否决 with them. Its ranking is then exactly
 * the scenario's; later uploads go to whichever policy the statistician chooses (the copies are
 * ordinary batches: replaced key by key, revertible). The budget the scenario was paid from is
 * written into the document, so no override is needed. Policy, figures, audit and revision are one
 * transaction; the catalog learns the policy inside it and forgets it if the transaction fails.
 */
export function createAdoptionService(deps: {
  policies: PolicyCatalog;
  store: Pick<AdoptedPoliciesRepository, 'insert'>;
  saved: Pick<SavedScenariosService, 'find'>;
  batches: Pick<BatchesRepository, 'currentValues' | 'insert'>;
  policyState: Pick<PolicyStateRepository, 'disqualifications' | 'setDisqualification'>;
  subsidies: Pick<SubsidiesService, 'budgetTotalWan'>;
  summaries: Pick<PoliciesService, 'list'>;
  record: ChangeRecorder;
}) {
  function draftOf(input: AdoptInput, base: Policy, scenario: Policy, scenarioName: string, actor: string, at: string): Policy {
    return {
      ...scenario,
      policyId: input.id,
      title: input.title,
      titleEn: input.titleEn ?? `${base.titleEn} — draft adopted from scenario "${scenarioName}"`,
      status: 'draft',
      // an adopted scenario of an example is still an example
      example: base.example || scenario.example,
      budget: { ...scenario.budget, totalWan: scenarioBudgetWan(base, scenario, deps.subsidies.budgetTotalWan(base.policyId)) },
      notes: [...scenario.notes, `由 ${actor} 于 ${at.slice(0, 10)} 采纳自政策“${base.policyId}”的方案“${scenarioName}”，数据复制自该政策。`],
    };
  }

  function adopt(input: AdoptInput, actor: string): PolicySummary {
    const base = deps.policies.get(input.fromPolicyId);
    const stored = deps.saved.find(input.fromPolicyId, input.scenarioId);
    if (deps.policies.has(input.id)) throw conflict('policy_exists', msg('policy_exists', { policyId: input.id }));
    const at = new Date().toISOString();
    const parsedScenario = parseScenarioPolicy(JSON.parse(stored.document), base);
    const draft = parsedScenario.ok ? parseScenarioPolicy(draftOf(input, base.policy, parsedScenario.policy, stored.name, actor, at), base) : parsedScenario;
    if (!draft.ok) {
      // e.g. the base's registry changed since the scenario was saved
      throw new HttpError(422, 'invalid_policy', msg('scenario_not_adoptable', { list: draft.issues.map((i) => `${i.path}: ${i.message}`).join('; ') }), { details: draft.issues });
    }
    const policy = draft.policy;
    let added = false;
    try {
      deps.record(policy.policyId, 'adopt', () => {
        deps.store.insert({
          policyId: policy.policyId,
          document: JSON.stringify(policy),
          registryId: policy.registry,
          fromPolicyId: base.policy.policyId,
          scenarioId: stored.scenarioId,
          scenarioName: stored.name,
          adoptedBy: actor,
          adoptedAt: at,
        });
        deps.policies.add({ policy, registry: base.registry });
        added = true;
        const copied: Record<string, number> = {};
        for (const kind of uploadKindSchema.options) {
          const entries = [...deps.batches.currentValues(base.policy.policyId, kind)];
          if (entries.length === 0) continue;
          const sha256 = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
          const fileName = `采纳方案时复制自 ${base.policy.policyId}`;
          deps.batches.insert({ policyId: policy.policyId, kind, fileName, sha256, rows: entries.length, keys: entries.length, uploadedBy: actor, uploadedAt: at }, entries);
          copied[kind] = entries.length;
        }
        const disqualified = deps.policyState.disqualifications(base.policy.policyId);
        for (const d of disqualified) deps.policyState.setDisqualification(policy.policyId, { ...d, setBy: actor, setAt: at });
        return {
          result: null,
          audit: {
            actor,
            action: 'policy.adopt',
            target: policy.policyId,
            after: {
              fromPolicyId: base.policy.policyId,
              scenarioId: stored.scenarioId,
              scenarioName: stored.name,
              title: policy.title,
              settings: settingChanges(base.policy, policy),
              copiedFigures: copied,
              copiedDisqualifications: disqualified.map((d) => d.unitId),
            },
          },
        };
      });
    } catch (err) {
      if (added) deps.policies.remove(policy.policyId);
      throw err;
    }
    return deps.summaries.list().policies.find((p) => p.policyId === policy.policyId)!;
  }

  return { adopt };
}
export type AdoptionService = ReturnType<typeof createAdoptionService>;
