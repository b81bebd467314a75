import { z } from 'zod';

/**
 * Running it for years (SPEC.md §18): health, backups and webhooks. Same rules as api.ts: the
 * server validates and serialises with these, the client parses with them.
 */

// ── backups ──────────────────────────────────────────────────────────────────────────────
export const backupRunSchema = z.object({
  ok: z.boolean(),
  at: z.string(), // when it started (ISO)
  file: z.string().nullable(), // the file name in BACKUP_DIR; null when it failed
  sizeBytes: z.number().int().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

/** GET /api/backups (admin): the schedule, the last result and the files kept. */
export const backupsSchema = z.object({
  enabled: z.boolean(), // false: BACKUP_DIR is not set
  dir: z.string().nullable(),
  everySeconds: z.number().nullable(),
  keep: z.number().int().nullable(),
  running: z.boolean(),
  nextAt: z.string().nullable(),
  last: backupRunSchema.nullable(),
  files: z.array(z.object({ file: z.string(), at: z.string(), sizeBytes: z.number().int() })),
});
export type Backups = z.infer<typeof backupsSchema>;

// ── health ───────────────────────────────────────────────────────────────────────────────
/**
 * GET /api/health (anyone). `status: "ok"` is the API v1 contract (SPEC.md §11); the rest is added
 * for monitoring. It names no file path: anyone may call it.
 */
export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  startedAt: z.string(),
  database: z.object({
    ok: z.boolean(),
    sizeBytes: z.number().int(),
    journalMode: z.string(),
    migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() }),
  }),
  backup: z.object({
    enabled: z.boolean(),
    everySeconds: z.number().nullable(),
    keep: z.number().int().nullable(),
    nextAt: z.string().nullable(),
    last: backupRunSchema.pick({ ok: true, at: true, sizeBytes: true, durationMs: true }).nullable(),
  }),
});
export type Health = z.infer<typeof healthSchema>;
