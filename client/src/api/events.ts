import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { changeEventSchema } from '@scoreboard/shared';
import { policyKeys } from './keys';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * One EventSource on /api/events for the whole app. A `change` event invalidates every query of
 * that policy (SPEC §9: every open dashboard refreshes within a second, without a reload).
 * EventSource reconnects by itself; on reconnect we refetch in case events were missed.
 */
export function useLiveUpdates(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    let everOpened = false;
    source.addEventListener('open', () => {
      setState('live');
      if (everOpened) void queryClient.invalidateQueries({ queryKey: ['policies'] });
      everOpened = true;
    });
    source.addEventListener('error', () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting'));
    source.addEventListener('change', (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = changeEventSchema.safeParse(data);
      if (!parsed.success) return;
      // Only that policy's queries refetch (and the list, for its revision and 已定稿); a dashboard
      // showing another period does not move.
      void queryClient.invalidateQueries({ queryKey: policyKeys.all(parsed.data.policyId) });
      void queryClient.invalidateQueries({ queryKey: policyKeys.list(), exact: true });
    });
    return () => source.close();
  }, [enabled, queryClient]);
  return enabled ? state : 'offline';
}
