import type { Database } from 'better-sqlite3';
import { settingChanges, type SavedScenario, type SavedScenarioSummary } from '@scoreboard/shared';
import { conflict, HttpError, notFound } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { AuditRepository } from '../repositories/audit';
import type { ScenariosRepository, StoredScenario } from '../repositories/scenarios';
import type { ScenariosService } from './scenarios';
import { msg } from '../i18n/messages';

/** Enough for every variant a meeting discusses; bounds the stability view (one ranking each). */
export const MAX_SAVED_SCENARIOS = 100;

/**
 * Saved, named scenarios (SPEC §14): who saved which rule when. A scenario is validated when it
 * is saved, and stored with its audit entry in one transaction. Deleting one is audited with the
 * whole document, so nothing a leader saved is ever lost without a trace.
 */
export function createSavedScenariosService(deps: {
  db: Database;
  policies: Pick<PolicyCatalog, 'get'>;
  store: ScenariosRepository;
  audit: Pick<AuditRepository, 'append'>;
  scenarios: Pick<ScenariosService, 'validate'>;
}) {
  function summary(s: StoredScenario): SavedScenarioSummary {
    const { policy } = deps.policies.get(s.policyId);
    return {
      scenarioId: s.scenarioId,
      policyId: s.policyId,
      name: s.name,
      month: s.month,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      settings: settingChanges(policy, JSON.parse(s.document)),
    };
  }

  function find(policyId: string, scenarioId: number): StoredScenario {
    deps.policies.get(policyId);
    const s = deps.store.find(policyId, scenarioId);
    if (!s) throw notFound('scenario_not_found', msg('scenario_not_found', { scenarioId, policyId }));
    return s;
  }

  function save(policyId: string, input: { name: string; policy: unknown; month?: number }, actor: string): SavedScenario {
    const { policy: base } = deps.policies.get(policyId);
    const document = deps.scenarios.validate(policyId, input.policy);
    const month = input.month ?? null;
    if (month !== null && !base.period.months.includes(month)) {
      throw new HttpError(400, 'invalid_month', msg('invalid_month', { month, months: base.period.months.join(', ') }));
    }
    const scenarioId = deps.db.transaction(() => {
      // Counted inside the transaction: two leaders saving at once cannot pass the limit together.
      if (deps.store.count(policyId) >= MAX_SAVED_SCENARIOS) {
        throw conflict('too_many_scenarios', msg('too_many_scenarios', { max: MAX_SAVED_SCENARIOS }));
      }
      const stored = { policyId, name: input.name, document: JSON.stringify(document), month, createdBy: actor, createdAt: new Date().toISOString() };
      const id = deps.store.insert(stored);
      deps.audit.append({ actor, action: 'scenario.save', target: `${policyId}/scenario:${id}`, after: { name: input.name, month, settings: settingChanges(base, document) } });
      return id;
    })();
    return get(policyId, scenarioId);
  }

  function get(policyId: string, scenarioId: number): SavedScenario {
    const s = find(policyId, scenarioId);
    return { ...summary(s), policy: JSON.parse(s.document) as unknown };
  }

  function remove(policyId: string, scenarioId: number, actor: string): SavedScenarioSummary {
    const s = find(policyId, scenarioId);
    deps.db.transaction(() => {
      if (!deps.store.remove(policyId, scenarioId)) throw notFound('scenario_not_found', msg('scenario_deleted', { scenarioId }));
      deps.audit.append({
        actor,
        action: 'scenario.delete',
        target: `${policyId}/scenario:${scenarioId}`,
        before: { name: s.name, month: s.month, createdBy: s.createdBy, createdAt: s.createdAt, document: JSON.parse(s.document) as unknown },
      });
    })();
    return summary(s);
  }

  return {
    save,
    get,
    remove,
    /** Newest first. */
    list: (policyId: string) => {
      deps.policies.get(policyId);
      return { scenarios: deps.store.list(policyId).map(summary) };
    },
    /** The stored rows, for the stability view and adoption. */
    stored: (policyId: string): StoredScenario[] => deps.store.list(policyId),
    storedIds: (policyId: string): number[] => deps.store.ids(policyId),
    find,
  };
}
export type SavedScenariosService = ReturnType<typeof createSavedScenariosService>;
