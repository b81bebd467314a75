import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../plugins/auth';

/**
 * Server-sent events (SPEC.md §9): `change` with {policyId, revision, kind} after every change.
 * A person's stream ends with `session-ended` when the session does; a display link's stream
 * carries its own policy's changes only and ends with `revoked` when the link is (SPEC §16).
 */
const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events',
    { onRequest: app.requireReader(), schema: { tags: ['events'], produces: ['text/event-stream'] } },
    async (request, reply) => {
      // Headers set by other plugins (helmet) are copied before Fastify lets go of the response.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value);
      }
      reply.hijack();
      if (request.display) {
        app.events.attach(reply.raw, { policyId: request.display.policyId, owner: { kind: 'display', linkId: request.display.linkId } });
      } else {
        app.events.attach(reply.raw, { owner: { kind: 'session', sessionId: signedIn(request).sessionId } });
      }
    },
  );
};
export default eventRoutes;
