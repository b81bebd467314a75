import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '@scoreboard/shared';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['health'], response: { 200: healthSchema } } }, async () => {
    app.db.prepare('SELECT 1').get(); // a closed or broken database makes this a 500, not "ok"
    return { status: 'ok' as const };
  });
};
export default healthRoutes;
