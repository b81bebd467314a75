/**
 * One value per policy, recomputed only when the policy's revision moves. Every change that could
 * alter a figure (commit, revert, disqualification, budget, finalize) bumps the revision, so a
 * thousand dashboards refetching after a change cost one computation — and, because the cached
 * object keeps its identity, one JSON encode (see the memoised serializer in plugins/errors.ts).
 */
export function createRevisionCache<T>(revisionOf: (policyId: string) => number) {
  const entries = new Map<string, { revision: number; value: T }>();
  return (policyId: string, compute: () => T): T => {
    const revision = revisionOf(policyId);
    const hit = entries.get(policyId);
    if (hit && hit.revision === revision) return hit.value;
    const value = compute();
    entries.set(policyId, { revision, value });
    return value;
  };
}
