import { randomBytes } from 'node:crypto';
import type { Role } from '@scoreboard/shared';
import type { SessionsRepository } from '../repositories/sessions';
import type { UsersRepository } from '../repositories/users';
import type { AuditRepository } from '../repositories/audit';
import { verifyPassword } from './passwords';

// SPEC.md §10 / issue: absolute expiry 12 h, idle timeout 2 h. Tests may shorten them
// (SESSION_IDLE_MS / SESSION_MAX_MS, config.ts).
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}
// Writing last_seen on every request would turn every dashboard poll into a write.
const TOUCH_EVERY_MS = 60 * 1000;

export interface SignedIn {
  sessionId: string;
  username: string;
  displayName: string;
  role: Role;
  expiresAt: string;
}

// Compared against when the user does not exist, so a wrong username costs as long as a wrong password.
const DUMMY = { hash: '00'.repeat(64), salt: '00'.repeat(16) };

export function createSessionsService(deps: {
  sessions: SessionsRepository;
  users: Pick<UsersRepository, 'find'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => number;
  limits?: Partial<SessionLimits>;
}) {
  const now = deps.now ?? Date.now;
  const limits: SessionLimits = { idleMs: deps.limits?.idleMs ?? SESSION_IDLE_MS, absoluteMs: deps.limits?.absoluteMs ?? SESSION_ABSOLUTE_MS };
  const expiry = (createdAt: number, lastSeen: number) => Math.min(createdAt + limits.absoluteMs, lastSeen + limits.idleMs);

  /**
   * A fresh id at every login, and the session the browser held before (if any) is ended: an id
   * planted in a victim's browser before login is never promoted to a signed-in session.
   */
  async function login(username: string, password: string, previousSessionId?: string): Promise<SignedIn | null> {
    const user = deps.users.find(username);
    const ok = await verifyPassword(password, user ? { hash: user.password_hash, salt: user.password_salt } : DUMMY);
    if (!user || !ok || user.disabled) return null;
    if (previousSessionId) deps.sessions.remove(previousSessionId);
    const t = now();
    const sessionId = randomBytes(32).toString('base64url');
    deps.sessions.insert({ session_id: sessionId, username, created_at: t, last_seen_at: t, expires_at: t + limits.absoluteMs });
    deps.audit.append({ actor: username, action: 'session.login', target: `user:${username}` });
    return { sessionId, username, displayName: user.display_name, role: user.role, expiresAt: new Date(expiry(t, t)).toISOString() };
  }

  /** The signed-in user of a session id, or null when unknown, expired, idle too long or disabled. */
  function resolve(sessionId: string | undefined): SignedIn | null {
    if (!sessionId) return null;
    const s = deps.sessions.find(sessionId);
    if (!s) return null;
    const t = now();
    if (t >= s.expires_at || t >= s.last_seen_at + limits.idleMs) {
      deps.sessions.remove(sessionId);
      return null;
    }
    const user = deps.users.find(s.username);
    if (!user || user.disabled) return null;
    let lastSeen = s.last_seen_at;
    // With short test limits, touch often enough that a request keeps the session alive.
    if (t - lastSeen >= Math.min(TOUCH_EVERY_MS, limits.idleMs / 4)) {
      deps.sessions.touch(sessionId, t);
      lastSeen = t;
    }
    return {
      sessionId,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      expiresAt: new Date(expiry(s.created_at, lastSeen)).toISOString(),
    };
  }

  /**
   * Whether a session is still alive, without counting as activity: an open event stream is watched
   * with it (services/streamGuard.ts), and watching must not keep a session from going idle.
   */
  function alive(sessionId: string): boolean {
    const s = deps.sessions.find(sessionId);
    if (!s) return false;
    const t = now();
    if (t >= s.expires_at || t >= s.last_seen_at + limits.idleMs) return false;
    const user = deps.users.find(s.username);
    return user !== undefined && !user.disabled;
  }

  function logout(session: SignedIn): void {
    deps.sessions.remove(session.sessionId);
    deps.audit.append({ actor: session.username, action: 'session.logout', target: `user:${session.username}` });
  }

  const purgeExpired = () => deps.sessions.removeExpired(now(), now() - limits.idleMs);

  return { login, resolve, alive, logout, purgeExpired, limits };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
