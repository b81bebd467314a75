import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Server-sent events (SPEC.md §9): `change` with {policyId, revision, kind} after every change. */
const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events',
    { onRequest: app.requireRole('viewer'), schema: { tags: ['events'], produces: ['text/event-stream'] } },
    async (_request, reply) => {
      // Headers set by other plugins (helmet) are copied before Fastify lets go of the response.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value);
      }
      reply.hijack();
      app.events.attach(reply.raw);
    },
  );
};
export default eventRoutes;
