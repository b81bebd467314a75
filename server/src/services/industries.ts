import { industryRows, type Industries } from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import { createRevisionCache } from './revisionCache';

export function createIndustriesService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'industries'>;
  policyState: Pick<PolicyStateRepository, 'revision'>;
}) {
  const cache = createRevisionCache<Industries>(deps.policyState.revision);
  return {
    industries(policyId: string): Industries {
      const { policy, registry } = deps.policies.get(policyId);
      return cache(policyId, () => ({
        policyId,
        revision: deps.policyState.revision(policyId),
        windowFromMonth: policy.industries.windowFromMonth,
        windowToMonth: policy.industries.windowToMonth,
        rows: industryRows({ policy, registry, figures: deps.figures.industries(policyId) }),
      }));
    },
  };
}
export type IndustriesService = ReturnType<typeof createIndustriesService>;
