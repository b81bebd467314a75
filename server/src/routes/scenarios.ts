import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adoptScenarioBodySchema, policySummarySchema, savedScenarioSchema, savedScenarioSummarySchema, savedScenariosSchema, scenarioEvaluateBodySchema, scenarioEvaluationSchema,
  scenarioSaveBodySchema, rankingQuerySchema, stabilitySchema,
} from '@scoreboard/shared';
import { signedIn } from '../plugins/auth';
import { errorResponses, policyParamsSchema } from './common';

const scenarioParamsSchema = policyParamsSchema.extend({ scenarioId: z.coerce.number().int().positive().max(2 ** 31) });

/** Scenarios (SPEC §14): leaders try draft rules on the stored figures before one is adopted. */
const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  const { scenarios, savedScenarios, adoption, stability } = app.services;
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

  app.get(
    '/api/policies/:policyId/scenarios',
    { onRequest: leader, schema: { tags, summary: 'Saved scenarios, newest first', params: policyParamsSchema, response: { 200: savedScenariosSchema, ...errorResponses(401, 403, 404) } } },
    async (request) => savedScenarios.list(request.params.policyId),
  );

  app.post(
    '/api/policies/:policyId/scenarios',
    {
      onRequest: leader,
      schema: {
        tags,
        summary: 'Save a named scenario (validated; audited)',
        params: policyParamsSchema,
        body: scenarioSaveBodySchema,
        response: { 201: savedScenarioSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const { policyId } = request.params;
      const saved = savedScenarios.save(policyId, request.body, signedIn(request).username);
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/policies/:policyId/scenarios/stability',
    {
      onRequest: leader,
      schema: {
        tags,
        summary: "Each unit's best and worst rank over the policy, the standard set and the saved scenarios",
        params: policyParamsSchema,
        querystring: rankingQuerySchema,
        response: { 200: stabilitySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => stability.stability(request.params.policyId, request.query.month),
  );

  app.get(
    '/api/policies/:policyId/scenarios/:scenarioId',
    { onRequest: leader, schema: { tags, params: scenarioParamsSchema, response: { 200: savedScenarioSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => savedScenarios.get(request.params.policyId, request.params.scenarioId),
  );

  app.delete(
    '/api/policies/:policyId/scenarios/:scenarioId',
    {
      onRequest: leader,
      schema: { tags, summary: 'Delete a saved scenario (audited with its document)', params: scenarioParamsSchema, response: { 200: savedScenarioSummarySchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => savedScenarios.remove(request.params.policyId, request.params.scenarioId, signedIn(request).username),
  );

  app.post(
    '/api/policies',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['policies', 'scenarios'],
        summary: 'Adopt a saved scenario as a new draft policy, with a copy of the figures it was tried on (audited)',
        body: adoptScenarioBodySchema,
        response: { 201: policySummarySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(adoption.adopt(request.body, signedIn(request).username)),
  );
};
export default scenarioRoutes;
