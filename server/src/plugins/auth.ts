import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { hasRole, type Role } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { msg } from '../i18n/messages';
import { SESSION_ABSOLUTE_MS, type SessionsService, type SignedIn } from '../services/sessions';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: 401 without a session, 403 below `role` (SPEC.md §10). */
    requireRole(role: Role): onRequestAsyncHookHandler;
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
  interface FastifyRequest {
    signedIn: SignedIn | null;
  }
}

export const SESSION_COOKIE = 'sid';

/** The signed-in user of a request that passed requireRole. */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new HttpError(401, 'unauthenticated', msg('unauthenticated'));
  return request.signedIn;
}

async function authPlugin(app: FastifyInstance, options: { sessions: SessionsService }) {
  await app.register(cookie);
  app.decorateRequest('signedIn', null);

  app.decorate('requireRole', (role: Role): onRequestAsyncHookHandler => {
    return async (request) => {
      const session = options.sessions.resolve(request.cookies[SESSION_COOKIE]);
      if (!session) throw new HttpError(401, 'unauthenticated', msg('unauthenticated.expired'));
      if (!hasRole(session.role, role)) {
        throw new HttpError(403, 'forbidden', msg('forbidden', { role: msg(`role.${role}`) }));
      }
      request.signedIn = session;
    };
  });

  app.decorate('setSessionCookie', (request: FastifyRequest, reply: FastifyReply, sessionId: string) => {
    reply.setCookie(SESSION_COOKIE, sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  });
  app.decorate('clearSessionCookie', (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
}

export default fp(authPlugin, { name: 'auth' });
