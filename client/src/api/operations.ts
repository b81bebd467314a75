import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  backupRunSchema, backupsSchema, webhookDeliveriesSchema, webhookDeliverySchema, webhookSchema, webhooksSchema,
  type CreateWebhookBody,
} from '@scoreboard/shared';
import { apiRequest } from './client';

/** Backups and webhooks on /admin (SPEC.md §18): queries, writes and their keys, in one place. */
export const operationsKeys = {
  backups: () => ['backups'] as const,
  webhooks: () => ['webhooks'] as const,
  deliveries: () => ['webhooks', 'deliveries'] as const,
};

export function useBackupsQuery(enabled: boolean) {
  return useQuery({
    queryKey: operationsKeys.backups(),
    queryFn: ({ signal }) => apiRequest('/api/backups', backupsSchema, { signal }),
    enabled,
    // a scheduled backup lands by itself; look again now and then
    refetchInterval: 60_000,
  });
}

export function useRunBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/backups', backupRunSchema, { method: 'POST', body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: operationsKeys.backups() }),
  });
}

export function useWebhooksQuery(enabled: boolean) {
  return useQuery({
    queryKey: operationsKeys.webhooks(),
    queryFn: ({ signal }) => apiRequest('/api/webhooks', webhooksSchema, { signal }),
    enabled,
  });
}

export function useDeliveriesQuery(enabled: boolean) {
  return useQuery({
    queryKey: operationsKeys.deliveries(),
    queryFn: ({ signal }) => apiRequest('/api/webhooks/deliveries?limit=50', webhookDeliveriesSchema, { signal }),
    enabled,
    // while something is queued or being retried, follow it
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === 'pending') ? 3_000 : 30_000),
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => apiRequest('/api/webhooks', webhookSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationsKeys.webhooks() }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: number) => apiRequest(`/api/webhooks/${webhookId}`, z.unknown(), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationsKeys.webhooks() }),
  });
}

export function useTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: number) => apiRequest(`/api/webhooks/${webhookId}/test`, webhookDeliverySchema, { method: 'POST', body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: operationsKeys.deliveries() }),
  });
}
