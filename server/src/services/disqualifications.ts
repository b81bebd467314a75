import { notFound } from '../httpError';
import { msg } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { ChangeRecorder } from './changes';

/** 一票否决 (SPEC.md §4): the unit keeps its score; its place and award pass down the list. */
export function createDisqualificationsService(deps: {
  policies: PolicyCatalog;
  policyState: Pick<PolicyStateRepository, 'disqualifications' | 'setDisqualification' | 'clearDisqualification'>;
  record: ChangeRecorder;
}) {
  function unitOf(policyId: string, unitId: string) {
    const { policy, registry } = deps.policies.get(policyId);
    const unit = registry.units.find((u) => u.unitId === unitId);
    if (!unit || !policy.units.includes(unitId)) throw notFound('unit_not_found', msg('unit_not_found', { unitId }));
    return unit;
  }
  const current = (policyId: string, unitId: string) =>
    deps.policyState.disqualifications(policyId).find((d) => d.unitId === unitId) ?? null;

  return {
    disqualify(policyId: string, unitId: string, reason: string, actor: string) {
      const unit = unitOf(policyId, unitId);
      const before = current(policyId, unitId);
      const setAt = new Date().toISOString();
      const { revision } = deps.record(policyId, 'disqualification', () => {
        deps.policyState.setDisqualification(policyId, { unitId, reason, setBy: actor, setAt });
        return {
          result: null,
          audit: { actor, action: 'unit.disqualify', target: `${policyId}/${unitId}`, before: before && { reason: before.reason }, after: { unitName: unit.name, reason } },
        };
      });
      return { unitId, unitName: unit.name, disqualified: { reason }, revision };
    },
    clear(policyId: string, unitId: string, actor: string) {
      const unit = unitOf(policyId, unitId);
      const before = current(policyId, unitId);
      if (!before) throw notFound('not_disqualified', msg('not_disqualified', { unit: { zh: unit.name, en: `${unit.name} ${unit.nameEn}` } }));
      const { revision } = deps.record(policyId, 'disqualification', () => {
        deps.policyState.clearDisqualification(policyId, unitId);
        return { result: null, audit: { actor, action: 'unit.requalify', target: `${policyId}/${unitId}`, before: { reason: before.reason }, after: null } };
      });
      return { unitId, unitName: unit.name, disqualified: null, revision };
    },
  };
}
export type DisqualificationsService = ReturnType<typeof createDisqualificationsService>;
