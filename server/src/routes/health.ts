import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '@scoreboard/shared';
import { VERSION } from '../version';

/**
 * GET /api/health (anyone): `status: "ok"` (API v1), plus the release, the database's state and
 * the last scheduled backup (SPEC.md §18), for a monitor or a person upgrading. Cheap enough to
 * poll: a few PRAGMA reads, no table scan. A closed or broken database makes this a 500, not "ok".
 */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const startedAt = new Date().toISOString();
  const migrations = app.db.prepare<[], { name: string }>('SELECT name FROM migrations ORDER BY name').all();
  const pageCount = app.db.prepare('PRAGMA page_count').pluck();
  const pageSize = app.db.prepare('PRAGMA page_size').pluck();
  const journalMode = String(app.db.pragma('journal_mode', { simple: true }));

  app.get('/api/health', { schema: { tags: ['health'], response: { 200: healthSchema } } }, async () => {
    const backup = app.services.backups.status();
    return {
      status: 'ok' as const,
      version: VERSION,
      startedAt,
      database: {
        ok: true,
        sizeBytes: Number(pageCount.get()) * Number(pageSize.get()),
        journalMode,
        migrations: { applied: migrations.length, latest: migrations.at(-1)?.name ?? null },
      },
      backup: {
        enabled: backup.enabled,
        everySeconds: backup.everySeconds,
        keep: backup.keep,
        nextAt: backup.nextAt,
        last: backup.last && { ok: backup.last.ok, at: backup.last.at, sizeBytes: backup.last.sizeBytes, durationMs: backup.last.durationMs },
      },
    };
  });
};
export default healthRoutes;
