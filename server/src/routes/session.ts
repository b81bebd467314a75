import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBodySchema, sessionSchema } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { msg } from '../i18n/messages';
import { SESSION_COOKIE, signedIn } from '../plugins/auth';
import { errorResponses } from './common';

const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions, loginThrottle } = app.services;

  app.post(
    '/api/session',
    { schema: { tags: ['session'], body: loginBodySchema, response: { 200: sessionSchema, ...errorResponses(400, 401, 429) } } },
    async (request, reply) => {
      const { username, password } = request.body;
      // request.ip is the socket's address, or X-Forwarded-For's client only when TRUST_PROXY is set.
      const wait = loginThrottle.retryAfterSeconds(request.ip, username);
      if (wait > 0) {
        reply.header('retry-after', String(wait)); // kept on the error response
        throw new HttpError(429, 'too_many_login_attempts', msg('too_many_login_attempts', { minutes: Math.ceil(wait / 60) }));
      }
      const attempt = loginThrottle.begin(request.ip, username);
      const session = await sessions.login(username, password, request.cookies[SESSION_COOKIE]);
      if (!session) throw new HttpError(401, 'invalid_credentials', msg('invalid_credentials'));
      attempt.succeeded();
      app.setSessionCookie(request, reply, session.sessionId);
      const { sessionId: _id, ...visible } = session;
      return visible;
    },
  );

  app.get(
    '/api/session',
    { onRequest: app.requireRole('viewer'), schema: { tags: ['session'], response: { 200: sessionSchema, ...errorResponses(401) } } },
    async (request) => {
      const { sessionId: _id, ...visible } = signedIn(request);
      return visible;
    },
  );

  app.delete(
    '/api/session',
    { onRequest: app.requireRole('viewer'), schema: { tags: ['session'], response: { 204: z.null(), ...errorResponses(401) } } },
    async (request, reply) => {
      const session = signedIn(request);
      sessions.logout(session);
      // this session's open pages learn it now, not at their next change
      app.events.end((o) => o.kind === 'session' && o.sessionId === session.sessionId, { event: 'session-ended' });
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
export default sessionRoutes;
