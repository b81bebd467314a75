import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adoptScenarioBodySchema, policySummarySchema, savedScenarioSchema, savedScenarioSummarySchema, savedScenariosSchema, scenarioEvaluateBodySchema, scenarioEvaluationSchema,
  scenarioSaveBodySchema, rankingQuerySchema, stabilitySchema,
  type ScenarioEvaluation,
} from '@scoreboard/shared';
import { signedIn } from '../plugins/auth';
import { buildScenarioWorkbook } from '../services/scenarioWorkbook';
import { errorResponses, policyParamsSchema } from './common';

const scenarioParamsSchema = policyParamsSchema.extend({ scenarioId: z.coerce.number().int().positive().max(2 ** 31) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportBodySchema = scenarioEvaluateBodySchema.extend({ name: z.string().trim().max(100).optional().describe('a title for the comparison') });

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

  const sendWorkbook = async (reply: FastifyReply, policyId: string, evaluation: ScenarioEvaluation, name: string | null, file: string) => {
    const workbook = await buildScenarioWorkbook({ evaluation, policy: app.policies.get(policyId).policy, name });
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${file}"`).send(workbook);
  };

  app.post(
    '/api/policies/:policyId/scenarios/evaluate.xlsx',
    {
      onRequest: leader,
      schema: { tags, summary: 'The comparison of POST …/evaluate as a workbook (A4)', params: policyParamsSchema, body: exportBodySchema, produces: [XLSX] },
    },
    async (request, reply) => {
      const { policyId } = request.params;
      const evaluation = scenarios.evaluate(policyId, request.body.policy, request.body.month);
      return sendWorkbook(reply, policyId, evaluation, request.body.name || null, `${policyId}-scenario.xlsx`);
    },
  );

  app.get(
    '/api/policies/:policyId/scenarios/:scenarioId.xlsx',
    { onRequest: leader, schema: { tags, summary: 'A saved scenario compared with the policy, as a workbook (A4)', params: scenarioParamsSchema, produces: [XLSX] } },
    async (request, reply) => {
      const { policyId, scenarioId } = request.params;
      const saved = savedScenarios.get(policyId, scenarioId);
      const evaluation = scenarios.evaluate(policyId, saved.policy, saved.month ?? undefined);
      return sendWorkbook(reply, policyId, evaluation, saved.name, `${policyId}-scenario-${scenarioId}.xlsx`);
    },
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
