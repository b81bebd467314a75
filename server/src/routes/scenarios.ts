import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scenarioEvaluateBodySchema, scenarioEvaluationSchema } from '@scoreboard/shared';
import { errorResponses, policyParamsSchema } from './common';

/** Scenarios (SPEC §14): leaders try draft rules on the stored figures before one is adopted. */
const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  const { scenarios } = app.services;
  const leader = app.requireRole('leader');
  const tags = ['scenarios'];

  app.post(
    '/api/policies/:policyId/scenarios/evaluate',
    {
      onRequest: leader,
      schema: {
        tags,
        summary: 'Rank the stored figures under a changed policy document; stores nothing',
        params: policyParamsSchema,
        body: scenarioEvaluateBodySchema,
        response: { 200: scenarioEvaluationSchema, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request) => scenarios.evaluate(request.params.policyId, request.body.policy, request.body.month),
  );
};
export default scenarioRoutes;
