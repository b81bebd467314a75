import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditSchema } from '@scoreboard/shared';
import { errorResponses } from './common';

const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().positive().optional(), // an auditId: older entries than it
});

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    { onRequest: app.requireRole('admin'), schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: auditSchema, ...errorResponses(400, 401, 403) } } },
    async (request) => ({ entries: app.services.audit.list(request.query.limit, request.query.before) }),
  );
};
export default auditRoutes;
