import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { changeEventSchema } from '@scoreboard/shared';
import { isDisplayMode } from './client';
import { policyKeys } from './keys';

/**
 * What the live indicator says (SPEC §16: it tells the truth): connecting, live, offline, and —
 * when the server ends the stream for good — signed out (the person's session ended) or revoked
 * (the wall screen's display link was).
 */
export type LiveState = 'connecting' | 'live' | 'offline' | 'signed-out' | 'revoked';

// After the browser gives up on a stream (an error answer, e.g. a proxy's 502 while the server
// restarts), try again this often: EventSource retries by itself only while the connection fails.
const RECONNECT_MS = 5_000;

/** Why a stream was refused: the session or link has ended (401), or null for anything else. */
async function whyRefused(display: boolean): Promise<LiveState | null> {
  try {
    const res = await fetch(display ? '/api/display/session' : '/api/session', {
      credentials: 'same-origin',
      headers: display ? { 'x-display': '1', accept: 'application/json' } : { accept: 'application/json' },
    });
    if (res.status === 401) return display ? 'revoked' : 'signed-out';
  } catch {
    /* the server is down: offline */
  }
  return null;
}

/**
 * One EventSource on /api/events for the page. A `change` event invalidates every query of that
 * policy (SPEC §9: every open dashboard refreshes within a second, without a reload). EventSource
 * reconnects by itself after a dropped connection; on reconnect we refetch in case events were
 * missed. The server ends a stream with `session-ended` or `revoked` when it will not come back;
 * then the stream is closed and the state says so.
 */
export function useLiveUpdates(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const display = isDisplayMode();
    let source: EventSource | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let everOpened = false;
    const finish = (final: LiveState) => {
      stopped = true;
      source?.close();
      setState(final);
    };
    const connect = () => {
      const current = new EventSource(display ? '/api/events?display=1' : '/api/events', { withCredentials: true });
      source = current;
      current.addEventListener('open', () => {
        setState('live');
        if (everOpened) void queryClient.invalidateQueries({ queryKey: ['policies'] });
        everOpened = true;
      });
      current.addEventListener('session-ended', () => finish('signed-out'));
      current.addEventListener('revoked', () => finish('revoked'));
      current.addEventListener('error', () => {
        if (stopped) return;
        if (current.readyState !== EventSource.CLOSED) {
          setState('connecting'); // the browser is reconnecting by itself
          return;
        }
        // The browser gave up on this stream: ask whether the session (or link) is over.
        void whyRefused(display).then((why) => {
          if (stopped) return;
          if (why) {
            finish(why);
          } else {
            setState('offline');
            retry = setTimeout(connect, RECONNECT_MS);
          }
        });
      });
      current.addEventListener('change', (event) => {
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
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, queryClient]);
  return enabled ? state : 'offline';
}
