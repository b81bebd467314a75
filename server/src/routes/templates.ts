import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uploadKindSchema } from '@scoreboard/shared';
import { buildTemplate } from '../ingest';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/templates/:kind.xlsx',
    {
      onRequest: app.requireRole('viewer'),
      schema: {
        tags: ['uploads'],
        params: z.object({ kind: uploadKindSchema }),
        // Unit and industry names come from the policy's registry; the first policy by default.
        querystring: z.object({ policyId: z.string().min(1).max(100).optional() }),
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const loaded = app.policies.get(request.query.policyId ?? app.services.policies.defaultPolicyId());
      const workbook = await buildTemplate(kind, loaded);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${kind}-template.xlsx"`).send(workbook);
    },
  );
};
export default templateRoutes;
