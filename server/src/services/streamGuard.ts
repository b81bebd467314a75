import type { EventBroadcaster } from '../plugins/sse';
import type { DisplayLinksService } from './displayLinks';
import type { SessionsService } from './sessions';

/**
 * Keeps every open event stream honest (SPEC §16: the live indicator tells the truth). A person's
 * stream ends with `event: session-ended` as soon as the session has (idle or absolute limit,
 * signed out elsewhere, account disabled) — before the next change would find out with a 401. A
 * display link's stream ends with `event: revoked` if its link was revoked (revoking also ends it
 * at once; this is the net under that), and while it is up it keeps the link's last-seen fresh.
 * Checking a session does not count as its activity (SessionsService.alive).
 */
export function startStreamGuard(deps: {
  events: Pick<EventBroadcaster, 'owners' | 'end'>;
  sessions: Pick<SessionsService, 'alive' | 'limits'>;
  displays: Pick<DisplayLinksService, 'isActive' | 'seen'>;
}): { sweep(): void; stop(): void } {
  function sweep(): void {
    const sessions = new Set<string>();
    const displays = new Set<number>();
    for (const owner of deps.events.owners()) {
      if (owner.kind === 'session') sessions.add(owner.sessionId);
      else displays.add(owner.linkId);
    }
    for (const id of sessions) {
      if (!deps.sessions.alive(id)) deps.events.end((o) => o.kind === 'session' && o.sessionId === id, { event: 'session-ended' });
    }
    for (const id of displays) {
      if (deps.displays.isActive(id)) deps.displays.seen(id);
      else deps.events.end((o) => o.kind === 'display' && o.linkId === id, { event: 'revoked' });
    }
  }
  // Every 15 s, or more often when the limits are short (tests): a session's end shows within a
  // quarter of its idle limit at worst.
  const every = Math.max(250, Math.min(15_000, deps.sessions.limits.idleMs / 4, deps.sessions.limits.absoluteMs / 4));
  const timer = setInterval(sweep, every);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
