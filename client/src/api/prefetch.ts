import type { QueryClient } from '@tanstack/react-query';
import { policiesSchema, rankingSchema, sessionSchema } from '@scoreboard/shared';
import { ApiError, apiRequest } from './client';
import { policyKeys, sessionKeys } from './keys';

/**
 * Starts the landing page's requests as soon as the script runs, in parallel, instead of the
 * session → policies → ranking waterfall the components would make (the ranking must render
 * within 1 s). A failure here is ignored: the components ask again and show the error.
 */
export function prefetchLanding(queryClient: QueryClient, location: Location): void {
  // the login page asks nothing; a display link's screen asks as a display, not a person
  if (location.pathname.startsWith('/login') || location.pathname.startsWith('/display/')) return;
  void queryClient.prefetchQuery({
    queryKey: sessionKeys.current(),
    // Only a 401 means "signed out"; any other failure is left for the component to retry.
    queryFn: () => apiRequest('/api/session', sessionSchema, { quiet401: true }).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }),
  });
  if (location.pathname !== '/' && location.pathname !== '/screen') return;
  void queryClient
    .fetchQuery({ queryKey: policyKeys.list(), queryFn: () => apiRequest('/api/policies', policiesSchema, { quiet401: true }) })
    .then((list) => {
      const params = new URLSearchParams(location.search);
      const policyId = list.policies.find((p) => p.policyId === params.get('policy'))?.policyId ?? list.policies[0]?.policyId;
      const month = Number(params.get('month'));
      const m = Number.isInteger(month) && month >= 1 && month <= 12 ? month : null;
      if (!policyId || (location.pathname === '/screen' && m !== null)) return;
      const wanted = location.pathname === '/screen' ? null : m;
      return queryClient.prefetchQuery({
        queryKey: policyKeys.ranking(policyId, wanted),
        queryFn: () => apiRequest(`/api/policies/${encodeURIComponent(policyId)}/ranking${wanted ? `?month=${wanted}` : ''}`, rankingSchema, { quiet401: true }),
      });
    })
    .catch(() => undefined);
}
