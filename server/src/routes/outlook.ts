import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { outlookQuerySchema, outlookSchema } from '@scoreboard/shared';
import { errorResponses, unitParamsSchema } from './common';

/** 差多少 (SPEC §15): why a unit scores what it does, and what it takes to move up. */
const outlookRoutes: FastifyPluginAsyncZod = async (app) => {
  const { outlook } = app.services;
  app.get(
    '/api/policies/:policyId/units/:unitId/outlook',
    {
      onRequest: app.requireRole('viewer'),
      schema: { tags: ['policies'], params: unitParamsSchema, querystring: outlookQuerySchema, response: { 200: outlookSchema, ...errorResponses(400, 401, 404) } },
    },
    async (request) => outlook.outlook(request.params.policyId, request.params.unitId, request.query.month),
  );
};
export default outlookRoutes;
