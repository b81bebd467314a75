import { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  awardsSchema, budgetSummarySchema, createdDisplayLinkSchema, displayLinkSchema, policySchema, policySummarySchema, savedScenarioSchema,
  savedScenarioSummarySchema, scenarioEvaluationSchema, sessionSchema, userSchema, type Policy, type Role,
} from '@scoreboard/shared';
import { apiRequest, errorFromBody } from './client';
import { displayLinkKeys, policyKeys, sessionKeys, userKeys } from './keys';

const enc = encodeURIComponent;
// Writes whose answer the page does not read: the server event and the invalidation refetch.
const anyBody = z.unknown();

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiRequest('/api/session', sessionSchema, { method: 'POST', body, quiet401: true }),
    onSuccess: (session) => queryClient.setQueryData(sessionKeys.current(), session),
  });
}

function useInvalidatePolicy(policyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: policyKeys.all(policyId) });
}

export function useDisqualification(policyId: string) {
  const invalidate = useInvalidatePolicy(policyId);
  return useMutation({
    mutationFn: ({ unitId, reason }: { unitId: string; reason: string | null }) =>
      apiRequest(
        `/api/policies/${enc(policyId)}/units/${enc(unitId)}/disqualification`,
        anyBody,
        reason === null ? { method: 'DELETE' } : { method: 'PUT', body: { reason } },
      ),
    onSuccess: invalidate,
  });
}

export function useFinalize(policyId: string) {
  const invalidate = useInvalidatePolicy(policyId);
  return useMutation({
    // override: only for a period whose last month is missing somewhere (409 period_incomplete)
    mutationFn: (override?: { reason: string }) =>
      apiRequest(`/api/policies/${enc(policyId)}/finalize`, awardsSchema, { method: 'POST', body: override ? { override } : {} }),
    onSuccess: invalidate,
  });
}

export function useRevert(policyId: string) {
  const invalidate = useInvalidatePolicy(policyId);
  return useMutation({
    mutationFn: (batchId: number) => apiRequest(`/api/uploads/${batchId}/revert`, anyBody, { method: 'POST', body: {} }),
    onSuccess: invalidate,
  });
}

export function useSetBudget(policyId: string) {
  const invalidate = useInvalidatePolicy(policyId);
  return useMutation({
    mutationFn: (totalWan: number | null) =>
      apiRequest(`/api/policies/${enc(policyId)}/budget`, budgetSummarySchema, { method: 'PUT', body: { totalWan } }),
    onSuccess: invalidate,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string; role: Role; password: string }) =>
      apiRequest('/api/users', userSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, ...body }: { username: string; role?: Role; disabled?: boolean }) =>
      apiRequest(`/api/users/${enc(username)}`, userSchema, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

// ── scenarios (SPEC §14) ────────────────────────────────────────────────────────────────
export interface ScenarioRequest {
  /** the draft as the form holds it: settings may be text the server will refuse, with their paths */
  policy: unknown;
  month?: number;
}

/** Evaluate a draft rule: stores nothing, so nothing is invalidated. */
export function useEvaluateScenario(policyId: string) {
  return useMutation({
    mutationFn: (body: ScenarioRequest) =>
      apiRequest(`/api/policies/${enc(policyId)}/scenarios/evaluate`, scenarioEvaluationSchema, { method: 'POST', body }),
  });
}

export function useSaveScenario(policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScenarioRequest & { name: string }) =>
      apiRequest(`/api/policies/${enc(policyId)}/scenarios`, savedScenarioSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.scenarios(policyId) }),
  });
}

export function useDeleteScenario(policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scenarioId: number) =>
      apiRequest(`/api/policies/${enc(policyId)}/scenarios/${scenarioId}`, savedScenarioSummarySchema, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.scenarios(policyId) }),
  });
}

/** A saved scenario's document, parsed as a policy: it was validated when saved. */
export async function fetchSavedScenario(policyId: string, scenarioId: number): Promise<{ name: string; month: number | null; policy: Policy }> {
  const saved = await apiRequest(`/api/policies/${enc(policyId)}/scenarios/${scenarioId}`, savedScenarioSchema);
  return { name: saved.name, month: saved.month, policy: policySchema.parse(saved.policy) };
}

/** An admin adopts a saved scenario as a new draft policy: the switcher lists it at once. */
export function useAdoptScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromPolicyId: string; scenarioId: number; id: string; title: string }) =>
      apiRequest('/api/policies', policySummarySchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.list(), exact: true }),
  });
}

/** Downloads the comparison workbook of a draft (POST, so the browser cannot follow a link). */
export function useExportScenario(policyId: string) {
  return useMutation({
    mutationFn: async (body: ScenarioRequest & { name?: string }) => {
      const response = await fetch(`/api/policies/${enc(policyId)}/scenarios/evaluate.xlsx`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw errorFromBody(response.status, await response.json().catch(() => null));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${policyId}-scenario.xlsx`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

export function useCreateDisplayLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { policyId: string; label: string }) => apiRequest('/api/display-links', createdDisplayLinkSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: displayLinkKeys.list() }),
  });
}

export function useRevokeDisplayLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: number) => apiRequest(`/api/display-links/${linkId}`, displayLinkSchema, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: displayLinkKeys.list() }),
  });
}
