import { presentOutlook, unitOutlook, type Outlook, type RankResult } from '@scoreboard/shared';
import { notFound } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { RankingService } from './ranking';
import { msg } from '../i18n/messages';

/**
 * 差多少 (SPEC §15): one unit's worked formula and the amounts to a better rank and to a paid place,
 * on the stored figures. Cached per (policy, revision): the exact ranking once per month asked, each
 * unit's answer once — every change bumps the revision, so nothing stale is ever read.
 */
export function createOutlookService(deps: {
  policies: PolicyCatalog;
  ranking: Pick<RankingService, 'exact'>;
  policyState: Pick<PolicyStateRepository, 'revision'>;
}) {
  const cache = new Map<string, { revision: number; rankings: Map<string, RankResult>; outlooks: Map<string, Outlook> }>();

  function entry(policyId: string) {
    const revision = deps.policyState.revision(policyId);
    let e = cache.get(policyId);
    if (!e || e.revision !== revision) {
      e = { revision, rankings: new Map(), outlooks: new Map() };
      cache.set(policyId, e);
    }
    return e;
  }

  return {
    outlook(policyId: string, unitId: string, month?: number): Outlook {
      const { policy } = deps.policies.get(policyId);
      if (!policy.units.includes(unitId)) throw notFound('unit_not_found', msg('unit_not_found', { unitId }));
      const e = entry(policyId);
      const key = String(month ?? 'latest');
      const hit = e.outlooks.get(`${key}/${unitId}`);
      if (hit) return hit;
      let result = e.rankings.get(key);
      if (!result) {
        result = deps.ranking.exact(policyId, month);
        e.rankings.set(key, result);
      }
      const outlook = presentOutlook(unitOutlook(result, policy, unitId)!, policy, { policyId, revision: e.revision });
      e.outlooks.set(`${key}/${unitId}`, outlook);
      return outlook;
    },
  };
}
export type OutlookService = ReturnType<typeof createOutlookService>;
