/**
 * Query keys, one factory per resource, every input in the key. Everything that belongs to a policy
 * starts with ['policies', policyId] so one server `change` event invalidates it all at once.
 */
export const sessionKeys = { current: () => ['session'] as const };
export const policyKeys = {
  list: () => ['policies'] as const,
  all: (policyId: string) => ['policies', policyId] as const,
  document: (policyId: string) => ['policies', policyId, 'document'] as const,
  registry: (policyId: string) => ['policies', policyId, 'registry'] as const,
  ranking: (policyId: string, month: number | null) => ['policies', policyId, 'ranking', { month }] as const,
  industries: (policyId: string) => ['policies', policyId, 'industries'] as const,
  subsidies: (policyId: string) => ['policies', policyId, 'subsidies'] as const,
  awards: (policyId: string) => ['policies', policyId, 'awards'] as const,
  budget: (policyId: string) => ['policies', policyId, 'budget'] as const,
  outlook: (policyId: string, unitId: string, month: number | null) => ['policies', policyId, 'outlook', { unitId, month }] as const,
  batches: (policyId: string) => ['policies', policyId, 'batches'] as const,
  unitBatches: (policyId: string, unitId: string) => ['policies', policyId, 'batches', { unitId }] as const,
  // saving or deleting a scenario invalidates ['policies', id, 'scenarios']: the list and the stability view
  scenarios: (policyId: string) => ['policies', policyId, 'scenarios'] as const,
  savedScenarios: (policyId: string) => ['policies', policyId, 'scenarios', 'saved'] as const,
  stability: (policyId: string, month: number | null) => ['policies', policyId, 'scenarios', 'stability', { month }] as const,
};
export const userKeys = { list: () => ['users'] as const };
export const auditKeys = { list: () => ['audit'] as const };
export const displayLinkKeys = { list: () => ['display-links'] as const };
