import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { hasRole, type Role } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { msg } from '../i18n/messages';
import type { DisplaySession } from '@scoreboard/shared';
import type { DisplayLinksService } from '../services/displayLinks';
import type { SessionsService, SignedIn } from '../services/sessions';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: 401 without a session, 403 below `role` (SPEC.md §10). */
    requireRole(role: Role): onRequestAsyncHookHandler;
    /**
     * onRequest hook of the wall screen's reads: a viewer's session, or — when the request says it
     * comes from a display (header x-display: 1, or ?display=1 on the event stream) — a display
     * link's cookie, limited to the link's own policy (SPEC §16).
     */
    requireReader(): onRequestAsyncHookHandler;
    /** onRequest hook: a display link's cookie only. */
    requireDisplay(): onRequestAsyncHookHandler;
    setDisplayCookie(request: FastifyRequest, reply: FastifyReply, token: string): void;
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
  interface FastifyRequest {
    signedIn: SignedIn | null;
    /** the display link a wall-screen request came with (requireReader / requireDisplay) */
    display: DisplaySession | null;
  }
}

export const SESSION_COOKIE = 'sid';
/** The display link's token, set by POST /api/display/session; sent to the API only. */
export const DISPLAY_COOKIE = 'display';
// A link has no expiry; the browser keeps the cookie this long (the most browsers allow) and the
// screen sets it again at every load.
const DISPLAY_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** Whether a request says it comes from a wall screen opened by a display link. */
function fromDisplay(request: FastifyRequest): boolean {
  if (request.headers['x-display'] === '1') return true;
  const at = request.url.indexOf('?');
  return at >= 0 && new URLSearchParams(request.url.slice(at + 1)).get('display') === '1';
}

/** The signed-in user of a request that passed requireRole. */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new HttpError(401, 'unauthenticated', msg('unauthenticated'));
  return request.signedIn;
}

async function authPlugin(app: FastifyInstance, options: { sessions: SessionsService; displays: DisplayLinksService }) {
  await app.register(cookie);
  app.decorateRequest('signedIn', null);
  app.decorateRequest('display', null);

  /** The display of the request's cookie, held to its own policy; 401 when revoked or unknown. */
  const asDisplay = (request: FastifyRequest): DisplaySession => {
    const resolved = options.displays.resolve(request.cookies[DISPLAY_COOKIE]);
    if (resolved?.status === 'revoked') throw new HttpError(401, 'display_revoked', msg('display_revoked'));
    if (!resolved) throw new HttpError(401, 'display_not_found', msg('display_not_found'));
    const params = request.params as { policyId?: unknown } | undefined;
    if (params?.policyId !== undefined && params.policyId !== resolved.display.policyId) {
      throw new HttpError(403, 'display_scope', msg('display_scope'));
    }
    return resolved.display;
  };

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

  app.decorate('requireReader', (): onRequestAsyncHookHandler => {
    const viewer = app.requireRole('viewer');
    return async function (this: FastifyInstance, request, reply) {
      if (fromDisplay(request)) request.display = asDisplay(request);
      else await viewer.call(this, request, reply);
    };
  });
  app.decorate('requireDisplay', (): onRequestAsyncHookHandler => async (request) => {
    request.display = asDisplay(request);
  });
  app.decorate('setDisplayCookie', (request: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.setCookie(DISPLAY_COOKIE, token, { path: '/api', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: DISPLAY_COOKIE_MAX_AGE_S });
  });

  app.decorate('setSessionCookie', (request: FastifyRequest, reply: FastifyReply, sessionId: string) => {
    reply.setCookie(SESSION_COOKIE, sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: Math.round(options.sessions.limits.absoluteMs / 1000),
    });
  });
  app.decorate('clearSessionCookie', (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
}

export default fp(authPlugin, { name: 'auth' });
