import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWebhookBodySchema, webhookDeliveriesSchema, webhookDeliverySchema, webhookSchema, webhooksSchema } from '@scoreboard/shared';
import { signedIn } from '../plugins/auth';
import { errorResponses } from './common';

const webhookParamsSchema = z.object({ webhookId: z.coerce.number().int().positive() });
const deliveriesQuerySchema = z.object({
  webhookId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Notification targets (SPEC.md §18): admin only. A secret goes in and never comes out. */
const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const { webhooks } = app.services;
  const admin = app.requireRole('admin');
  const tags = ['webhooks'];

  app.get('/api/webhooks', { onRequest: admin, schema: { tags, response: { 200: webhooksSchema, ...errorResponses(401, 403) } } }, async () => ({
    webhooks: webhooks.list(),
  }));

  app.post(
    '/api/webhooks',
    { onRequest: admin, schema: { tags, body: createWebhookBodySchema, response: { 201: webhookSchema, ...errorResponses(400, 401, 403) } } },
    async (request, reply) => reply.code(201).send(webhooks.create(signedIn(request).username, request.body)),
  );

  app.delete(
    '/api/webhooks/:webhookId',
    { onRequest: admin, schema: { tags, params: webhookParamsSchema, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      webhooks.remove(signedIn(request).username, request.params.webhookId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/:webhookId/test',
    { onRequest: admin, schema: { tags, params: webhookParamsSchema, response: { 200: webhookDeliverySchema, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => webhooks.test(signedIn(request).username, request.params.webhookId),
  );

  app.get(
    '/api/webhooks/deliveries',
    { onRequest: admin, schema: { tags, querystring: deliveriesQuerySchema, response: { 200: webhookDeliveriesSchema, ...errorResponses(400, 401, 403) } } },
    async (request) => ({ deliveries: webhooks.deliveries(request.query.limit, request.query.webhookId) }),
  );
};
export default webhookRoutes;
