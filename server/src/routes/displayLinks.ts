import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDisplayLinkBodySchema, createdDisplayLinkSchema, displayLinkSchema, displayLinksSchema, displaySessionBodySchema, displaySessionSchema,
} from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { msg } from '../i18n/messages';
import { signedIn } from '../plugins/auth';
import { errorResponses } from './common';

/**
 * Display links (SPEC §16): admins make, list and revoke them; a wall screen opens one with its
 * token (POST /api/display/session sets the display cookie) and asks who it is (GET).
 */
const displayLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { displayLinks } = app.services;
  const admin = app.requireRole('admin');
  const tags = ['display links'];

  app.get('/api/display-links', { onRequest: admin, schema: { tags, response: { 200: displayLinksSchema, ...errorResponses(401, 403) } } }, async () => ({
    links: displayLinks.list(),
  }));

  app.post(
    '/api/display-links',
    { onRequest: admin, schema: { tags, body: createDisplayLinkBodySchema, response: { 201: createdDisplayLinkSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => reply.code(201).send(displayLinks.create(signedIn(request).username, request.body)),
  );

  app.delete(
    '/api/display-links/:linkId',
    {
      onRequest: admin,
      schema: { tags, params: z.object({ linkId: z.coerce.number().int().positive() }), response: { 200: displayLinkSchema, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => displayLinks.revoke(signedIn(request).username, request.params.linkId),
  );

  app.post(
    '/api/display/session',
    { schema: { tags, body: displaySessionBodySchema, response: { 200: displaySessionSchema, ...errorResponses(400, 401) } } },
    async (request, reply) => {
      const resolved = displayLinks.resolve(request.body.token);
      if (resolved?.status === 'revoked') throw new HttpError(401, 'display_revoked', msg('display_revoked'));
      if (!resolved) throw new HttpError(401, 'display_not_found', msg('display_not_found'));
      app.setDisplayCookie(request, reply, request.body.token);
      return resolved.display;
    },
  );

  app.get(
    '/api/display/session',
    { onRequest: app.requireDisplay(), schema: { tags, response: { 200: displaySessionSchema, ...errorResponses(401) } } },
    async (request) => request.display!,
  );
};
export default displayLinkRoutes;
