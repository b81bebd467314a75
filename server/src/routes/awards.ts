import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  awardsSchema, type Awards, budgetBodySchema, budgetSettingSchema, budgetSummarySchema, disqualificationBodySchema, finalizeBodySchema, periodIncompleteSchema,
} from '@scoreboard/shared';
import { requestLang } from '../i18n/lang';
import { signedIn } from '../plugins/auth';
import { buildAwardsWorkbook } from '../services/awardsWorkbook';
import { encodeWithList } from '../services/encodeAnswer';
import { errorResponses, policyParamsSchema, unitParamsSchema } from './common';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disqualificationResultSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  disqualified: z.object({ reason: z.string() }).nullable(),
  revision: z.number().int(),
});

/** Award table, export, finalize, budget and 一票否决 (SPEC.md §9, §11). */
const awardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { awards, disqualifications } = app.services;
  const tags = ['awards'];

  app.get(
    '/api/policies/:policyId/awards',
    { onRequest: app.requireRole('viewer'), schema: { tags, params: policyParamsSchema, response: { 200: awardsSchema, ...errorResponses(401, 404) } } },
    // encoded with the schema one grant at a time (150,000 claims make 15,000 grants): Fastify sends
    // a Buffer as it is, so the bytes stand in for the object the schema types
    async (request, reply) => {
      const table = encodeWithList(awardsSchema, 'grants', awards.awards(request.params.policyId));
      return reply.type('application/json; charset=utf-8').send(table as unknown as Awards);
    },
  );

  app.get(
    '/api/policies/:policyId/awards.xlsx',
    {
      onRequest: app.requireRole('viewer'),
      // headers in English with ?lang=en (a download link cannot send Accept-Language) or Accept-Language: en
      schema: { tags, params: policyParamsSchema, querystring: z.object({ lang: z.enum(['zh', 'zh-CN', 'en']).optional() }), produces: [XLSX] },
    },
    async (request, reply) => {
      const { policyId } = request.params;
      const table = awards.awards(policyId);
      const workbook = await buildAwardsWorkbook(table, app.policies.get(policyId).policy, requestLang(request));
      const name = `${policyId}-awards${table.final ? '-final' : ''}.xlsx`;
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(workbook);
    },
  );

  app.post(
    '/api/policies/:policyId/finalize',
    {
      onRequest: app.requireRole('leader'),
      schema: { tags, params: policyParamsSchema, body: finalizeBodySchema, response: { 200: awardsSchema, ...errorResponses(400, 401, 403, 404), 409: periodIncompleteSchema } },
    },
    async (request) => awards.finalize(request.params.policyId, signedIn(request).username, request.body?.override),
  );

  app.get(
    '/api/policies/:policyId/budget',
    { onRequest: app.requireRole('viewer'), schema: { tags, params: policyParamsSchema, response: { 200: budgetSettingSchema, ...errorResponses(401, 404) } } },
    async (request) => awards.budgetSetting(request.params.policyId),
  );

  app.put(
    '/api/policies/:policyId/budget',
    {
      onRequest: app.requireRole('admin'),
      schema: { tags, params: policyParamsSchema, body: budgetBodySchema, response: { 200: budgetSummarySchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => awards.setBudget(request.params.policyId, request.body.totalWan, signedIn(request).username),
  );

  app.put(
    '/api/policies/:policyId/units/:unitId/disqualification',
    {
      onRequest: app.requireRole('leader'),
      schema: { tags, params: unitParamsSchema, body: disqualificationBodySchema, response: { 200: disqualificationResultSchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const { policyId, unitId } = request.params;
      return disqualifications.disqualify(policyId, unitId, request.body.reason, signedIn(request).username);
    },
  );

  app.delete(
    '/api/policies/:policyId/units/:unitId/disqualification',
    { onRequest: app.requireRole('leader'), schema: { tags, params: unitParamsSchema, response: { 200: disqualificationResultSchema, ...errorResponses(401, 403, 404) } } },
    async (request) => disqualifications.clear(request.params.policyId, request.params.unitId, signedIn(request).username),
  );
};
export default awardRoutes;
