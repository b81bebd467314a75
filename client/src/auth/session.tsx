import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { hasRole, type Role, type Session } from '@scoreboard/shared';
import { useSessionQuery } from '../api/queries';
import { UNAUTHORIZED_EVENT } from '../api/client';
import { sessionKeys } from '../api/keys';
import { useI18n } from '../i18n/I18nProvider';

const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only inside <RequireSession>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <RequireSession>');
  return session;
}

/** Role-aware UI: hides what the role may not do. The server refuses it anyway (SPEC §10). */
export function useCan(needed: Role): boolean {
  const session = useContext(SessionContext);
  return session !== null && hasRole(session.role, needed);
}

export function loginPath(location: { pathname: string; search: string }): string {
  const next = location.pathname + location.search;
  return next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Pages behind it need a session: without one, go to /login and come back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSessionQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    // Any 401 mid-session (expired cookie): forget the session and ask to sign in again.
    const onUnauthorized = () => {
      queryClient.setQueryData(sessionKeys.current(), null);
      navigate(loginPath(window.location), { replace: true });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [navigate, queryClient]);

  if (session.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (session.isError) return <p role="alert">{t('common.error', { message: session.error.message })}</p>;
  if (!session.data) return <Navigate to={loginPath(location)} replace />;
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}

/** Shows its children only to a role that holds `role`. */
export function IfRole({ role, children }: { role: Role; children: ReactNode }) {
  return useCan(role) ? <>{children}</> : null;
}
