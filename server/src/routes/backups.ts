import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { backupRunSchema, backupsSchema } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { signedIn } from '../plugins/auth';
import { errorResponses } from './common';
import { msg } from '../i18n/messages';

/** Scheduled backups on /admin (SPEC.md §18): admin only. */
const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { backups, audit } = app.services;
  const admin = app.requireRole('admin');
  const tags = ['backups'];

  app.get('/api/backups', { onRequest: admin, schema: { tags, response: { 200: backupsSchema, ...errorResponses(401, 403) } } }, async () => ({
    ...backups.status(),
    files: backups.list(),
  }));

  app.post(
    '/api/backups',
    { onRequest: admin, schema: { tags, response: { 200: backupRunSchema, ...errorResponses(401, 403, 409) } } },
    async (request) => {
      if (!backups.status().enabled) throw new HttpError(409, 'backups_off', msg('backups_off'));
      const run = await backups.runNow();
      audit.append({ actor: signedIn(request).username, action: 'backup.run', target: run.file ?? 'backup', after: run });
      return run;
    },
  );
};
export default backupRoutes;
