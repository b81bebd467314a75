import { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { awardsSchema, budgetSummarySchema, createdDisplayLinkSchema, displayLinkSchema, sessionSchema, userSchema, type Role } from '@scoreboard/shared';
import { apiRequest } from './client';
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
    mutationFn: () => apiRequest(`/api/policies/${enc(policyId)}/finalize`, awardsSchema, { method: 'POST', body: {} }),
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
