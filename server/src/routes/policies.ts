import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  industriesSchema, policiesSchema, policySchema, rankingQuerySchema, rankingSchema, registryNamesSchema, subsidiesSchema, type Subsidies,
  type LoadedPolicy,
} from '@scoreboard/shared';
import { errorResponses, policyParamsSchema } from './common';

/**
 * Reads of a policy and its live figures (SPEC.md §11): viewer and up. The wall screen's reads
 * (the list, the document, names, ranking, industries) also answer a display link, for its own
 * policy only (SPEC §16).
 */
const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ranking, industries, subsidies, policies } = app.services;
  const viewer = app.requireRole('viewer');
  const reader = app.requireReader();
  const tags = ['policies'];

  app.get('/api/policies', { onRequest: reader, schema: { tags, response: { 200: policiesSchema, ...errorResponses(401) } } }, async (request) => {
    const list = policies.list();
    const display = request.display;
    if (!display) return list;
    // a display link knows of its own policy alone
    return { defaultPolicyId: display.policyId, policies: list.policies.filter((p) => p.policyId === display.policyId) };
  });

  app.get(
    '/api/policies/:policyId',
    { onRequest: reader, schema: { tags, params: policyParamsSchema, response: { 200: policySchema, ...errorResponses(401, 404) } } },
    async (request) => app.policies.get(request.params.policyId).policy,
  );

  app.get(
    '/api/policies/:policyId/registry',
    { onRequest: reader, schema: { tags, params: policyParamsSchema, response: { 200: registryNamesSchema, ...errorResponses(401, 404) } } },
    async (request) => registryNames(app.policies.get(request.params.policyId)),
  );

  app.get(
    '/api/policies/:policyId/ranking',
    {
      onRequest: reader,
      schema: { tags, params: policyParamsSchema, querystring: rankingQuerySchema, response: { 200: rankingSchema, ...errorResponses(400, 401, 404) } },
    },
    async (request) => ranking.ranking(request.params.policyId, request.query.month),
  );

  app.get(
    '/api/policies/:policyId/industries',
    { onRequest: reader, schema: { tags, params: policyParamsSchema, response: { 200: industriesSchema, ...errorResponses(401, 404) } } },
    async (request) => industries.industries(request.params.policyId),
  );

  app.get(
    '/api/policies/:policyId/subsidies',
    { onRequest: viewer, schema: { tags, params: policyParamsSchema, response: { 200: subsidiesSchema, ...errorResponses(401, 404) } } },
    // Encoded once per revision by the service, with this schema (150,000 claims are ~50 MB): Fastify
    // sends a Buffer as it is, so the bytes stand in for the object the schema types.
    async (request, reply) => {
      const { body, gzip } = subsidies.subsidiesJson(request.params.policyId, acceptsGzip(request.headers['accept-encoding']));
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      if (gzip) reply.header('content-encoding', 'gzip');
      return reply.send(body as unknown as Subsidies);
    },
  );
};
export default policyRoutes;

/** Whether an Accept-Encoding header takes gzip ("gzip, deflate, br"; not "gzip;q=0"). */
export function acceptsGzip(header: string | undefined): boolean {
  const quality = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name) quality.set(name, q === undefined ? 1 : Number(q.slice(2)));
  }
  const q = quality.get('gzip') ?? quality.get('*');
  return q !== undefined && q > 0;
}

/** The names of the policy's own units and industries, in the policy's order (SPEC §16). */
export function registryNames({ policy, registry }: LoadedPolicy) {
  const names = (e: { name: string; shortName: string; nameEn: string; shortNameEn?: string | undefined }) => ({
    name: e.name,
    shortName: e.shortName,
    nameEn: e.nameEn,
    shortNameEn: e.shortNameEn ?? e.nameEn,
  });
  return {
    registryId: registry.registryId,
    units: policy.units.flatMap((id) => registry.units.filter((u) => u.unitId === id).map((u) => ({ unitId: u.unitId, ...names(u) }))),
    industries: policy.industries.targets.flatMap((t) =>
      registry.industries.filter((i) => i.industryId === t.industryId).map((i) => ({ industryId: i.industryId, ...names(i) })),
    ),
  };
}
