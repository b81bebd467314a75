import { randomBytes } from 'node:crypto';
import type { Role } from '@scoreboard/shared';
import type { SessionsRepository } from '../repositories/sessions';
import type { UsersRepository } from '../repositories/users';
import type { AuditRepository } from '../repositories/audit';
import { verifyPassword } from './passwords';

// SPEC.md §10 / issue: absolute expiry 12 h, idle timeout 2 h.
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
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
}) {
  const now = deps.now ?? Date.now;
  const expiry = (createdAt: number, lastSeen: number) =>
    Math.min(createdAt + SESSION_ABSOLUTE_MS, lastSeen + SESSION_IDLE_MS);

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
    deps.sessions.insert({ session_id: sessionId, username, created_at: t, last_seen_at: t, expires_at: t + SESSION_ABSOLUTE_MS });
    deps.audit.append({ actor: username, action: 'session.login', target: `user:${username}` });
    return { sessionId, username, displayName: user.display_name, role: user.role, expiresAt: new Date(expiry(t, t)).toISOString() };
  }

  /** The signed-in user of a session id, or null when unknown, expired, idle too long or disabled. */
  function resolve(sessionId: string | undefined): SignedIn | null {
    if (!sessionId) return null;
    const s = deps.sessions.find(sessionId);
    if (!s) return null;
    const t = now();
    if (t >= s.expires_at || t >= s.last_seen_at + SESSION_IDLE_MS) {
      deps.sessions.remove(sessionId);
      return null;
    }
    const user = deps.users.find(s.username);
    if (!user || user.disabled) return null;
    let lastSeen = s.last_seen_at;
    if (t - lastSeen >= TOUCH_EVERY_MS) {
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

  function logout(session: SignedIn): void {
    deps.sessions.remove(session.sessionId);
    deps.audit.append({ actor: session.username, action: 'session.logout', target: `user:${session.username}` });
  }

  const purgeExpired = () => deps.sessions.removeExpired(now(), now() - SESSION_IDLE_MS);

  return { login, resolve, logout, purgeExpired };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
