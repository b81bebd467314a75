import { z } from 'zod';
import { useQuery } from '@tanstack/react-query';
import {
  auditSchema,
  awardsSchema,
  displayLinksSchema,
  batchesSchema,
  budgetSettingSchema,
  industriesSchema,
  outlookSchema,
  policiesSchema,
  policySchema,
  rankingSchema,
  savedScenariosSchema,
  registryNamesSchema,
  sessionSchema,
  stabilitySchema,
  subsidiesSchema,
  userSchema,
} from '@scoreboard/shared';
import { apiRequest } from './client';
import { auditKeys, displayLinkKeys, policyKeys, sessionKeys, userKeys } from './keys';

const enc = encodeURIComponent;

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKeys.current(),
    // A 401 here means "not signed in", not a failure: answer null.
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest('/api/session', sessionSchema, { signal, quiet401: true });
      } catch (e) {
        if (e instanceof Error && 'status' in e && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function usePoliciesQuery(enabled = true) {
  return useQuery({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) => apiRequest('/api/policies', policiesSchema, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** The whole policy document: the pages draw indicators, places, kinds and wording from it (SPEC §13). */
export function usePolicyDocumentQuery(policyId: string, enabled = true) {
  return useQuery({
    queryKey: policyKeys.document(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}`, policySchema, { signal }),
    enabled,
    staleTime: Infinity, // a policy file changes only with a restart; a new policy is a new id
  });
}

/** Unit and industry names in Chinese, short and English (SPEC §16); a registry changes only with a restart. */
export function useRegistryQuery(policyId: string, enabled = true) {
  return useQuery({
    queryKey: policyKeys.registry(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}/registry`, registryNamesSchema, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

export function useRankingQuery(policyId: string, month: number | null) {
  return useQuery({
    queryKey: policyKeys.ranking(policyId, month),
    queryFn: ({ signal }) =>
      apiRequest(`/api/policies/${enc(policyId)}/ranking${month ? `?month=${month}` : ''}`, rankingSchema, { signal }),
  });
}

export function useIndustriesQuery(policyId: string) {
  return useQuery({
    queryKey: policyKeys.industries(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}/industries`, industriesSchema, { signal }),
  });
}

export function useSubsidiesQuery(policyId: string) {
  return useQuery({
    queryKey: policyKeys.subsidies(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}/subsidies`, subsidiesSchema, { signal }),
  });
}

export function useAwardsQuery(policyId: string) {
  return useQuery({
    queryKey: policyKeys.awards(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}/awards`, awardsSchema, { signal }),
  });
}

/** 差多少 (SPEC §15): one unit's worked formula and the amounts to a better rank and a paid place. */
export function useOutlookQuery(policyId: string, unitId: string, month: number | null) {
  return useQuery({
    queryKey: policyKeys.outlook(policyId, unitId, month),
    queryFn: ({ signal }) =>
      apiRequest(`/api/policies/${enc(policyId)}/units/${enc(unitId)}/outlook${month ? `?month=${month}` : ''}`, outlookSchema, { signal }),
    enabled: unitId !== '',
  });
}

/** The budget total in force now (not a finalized snapshot's), for the admin form. */
export function useBudgetSettingQuery(policyId: string, enabled = true) {
  return useQuery({
    queryKey: policyKeys.budget(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}/budget`, budgetSettingSchema, { signal }),
    enabled,
  });
}

export function useBatchesQuery(policyId: string, enabled = true) {
  return useQuery({
    queryKey: policyKeys.batches(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/uploads?policyId=${enc(policyId)}`, batchesSchema, { signal }),
    enabled,
  });
}

/** Only the batches that hold a figure of this unit, each with how many and which were superseded. */
export function useUnitBatchesQuery(policyId: string, unitId: string, enabled = true) {
  return useQuery({
    queryKey: policyKeys.unitBatches(policyId, unitId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/uploads?policyId=${enc(policyId)}&unitId=${enc(unitId)}`, batchesSchema, { signal }),
    enabled,
  });
}

// The user list has no named schema in api.ts; it is the shared userSchema in a list.
export const usersListSchema = z.object({ users: z.array(userSchema) });
export function useUsersQuery(enabled: boolean) {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => apiRequest('/api/users', usersListSchema, { signal }),
    enabled,
  });
}

export function useAuditQuery(enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.list(),
    queryFn: ({ signal }) => apiRequest('/api/audit', auditSchema, { signal }),
    enabled,
  });
}

/** Saved scenarios of a policy, newest first (leaders). */
export function useSavedScenariosQuery(policyId: string, enabled = true) {
  return useQuery({
    queryKey: policyKeys.savedScenarios(policyId),
    queryFn: ({ signal }) => apiRequest(`/api/policies/${enc(policyId)}/scenarios`, savedScenariosSchema, { signal }),
    enabled,
  });
}

/** Each unit's best and worst place over the standard set and the saved scenarios (leaders). */
export function useStabilityQuery(policyId: string, month: number | null, enabled = true) {
  return useQuery({
    queryKey: policyKeys.stability(policyId, month),
    queryFn: ({ signal }) =>
      apiRequest(`/api/policies/${enc(policyId)}/scenarios/stability${month ? `?month=${month}` : ''}`, stabilitySchema, { signal }),
    enabled,
  });
}

/** The display links, with when each was last seen; refreshed every half minute while shown. */
export function useDisplayLinksQuery(enabled: boolean) {
  return useQuery({
    queryKey: displayLinkKeys.list(),
    queryFn: ({ signal }) => apiRequest('/api/display-links', displayLinksSchema, { signal }),
    enabled,
    refetchInterval: 30_000,
  });
}
