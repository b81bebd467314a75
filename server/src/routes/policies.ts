import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  industriesSchema, policiesSchema, policySchema, rankingQuerySchema, rankingSchema, subsidiesSchema, type Subsidies,
} from '@scoreboard/shared';
import { errorResponses, policyParamsSchema } from './common';

/** Reads of a policy and its live figures (SPEC.md §11): viewer and up. */
const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ranking, industries, subsidies, policies } = app.services;
  const viewer = app.requireRole('viewer');
  const tags = ['policies'];

  app.get('/api/policies', { onRequest: viewer, schema: { tags, response: { 200: policiesSchema, ...errorResponses(401) } } }, async () => policies.list());

  app.get(
    '/api/policies/:policyId',
    { onRequest: viewer, schema: { tags, params: policyParamsSchema, response: { 200: policySchema, ...errorResponses(401, 404) } } },
    async (request) => app.policies.get(request.params.policyId).policy,
  );

  app.get(
    '/api/policies/:policyId/ranking',
    {
      onRequest: viewer,
      schema: { tags, params: policyParamsSchema, querystring: rankingQuerySchema, response: { 200: rankingSchema, ...errorResponses(400, 401, 404) } },
    },
    async (request) => ranking.ranking(request.params.policyId, request.query.month),
  );

  app.get(
    '/api/policies/:policyId/industries',
    { onRequest: viewer, schema: { tags, params: policyParamsSchema, response: { 200: industriesSchema, ...errorResponses(401, 404) } } },
    async (request) => industries.industries(request.params.policyId),
  );

  app.get(
    '/api/policies/:policyId/subsidies',
    { onRequest: viewer, schema: { tags, params: policyParamsSchema, response: { 200: subsidiesSchema, ...errorResponses(401, 404) } } },
    // Encoded once per revision by the service, with this schema (150,000 claims are ~50 MB): Fastify
    // sends a Buffer as it is, so the bytes stand in for the object the schema types.
    async (request, reply) =>
      reply.type('application/json; charset=utf-8').send(subsidies.subsidiesJson(request.params.policyId) as unknown as Subsidies),
  );
};
export default policyRoutes;
