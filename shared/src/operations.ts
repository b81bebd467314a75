import { z } from 'zod';
// the request messages in both languages live beside the other request schemas' (api.ts)
import { requestMessages } from './api';

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

// ── webhooks ─────────────────────────────────────────────────────────────────────────────
export const webhookKindSchema = z.enum(['wecom', 'dingtalk', 'json']);
export type WebhookKind = z.infer<typeof webhookKindSchema>;
export const WEBHOOK_EVENTS = ['upload.committed', 'upload.refused', 'awards.changed', 'awards.finalized'] as const;
export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** POST /api/webhooks (admin), SPEC.md §18. */
export const createWebhookBodySchema = z.object({
  kind: webhookKindSchema,
  name: z.string().trim().max(100).default(''),
  url: z.url({ protocol: /^https?$/, error: requestMessages.webhookUrl.zh }).max(2000),
  // 钉钉: the robot's 加签 secret; json: signs the body (X-Scoreboard-Signature). Never returned.
  secret: z.string().min(1).max(500).optional(),
  events: z.array(webhookEventSchema).min(1, requestMessages.webhookEvents.zh).max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, requestMessages.webhookEventsUnique.zh),
});
export type CreateWebhookBody = z.input<typeof createWebhookBodySchema>;

export const webhookSchema = z.object({
  webhookId: z.number().int(),
  kind: webhookKindSchema,
  name: z.string(),
  // the address with the values of its query masked: a robot's key= / access_token= is a secret
  url: z.string(),
  hasSecret: z.boolean(),
  events: z.array(webhookEventSchema),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;
export const webhooksSchema = z.object({ webhooks: z.array(webhookSchema) });

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export const webhookDeliverySchema = z.object({
  deliveryId: z.number().int(),
  webhookId: z.number().int(),
  event: z.union([webhookEventSchema, z.literal('test')]),
  policyId: z.string().nullable(),
  revision: z.number().int().nullable(),
  summary: z.string(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const webhookDeliveriesSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

/** The body of a `json` delivery (SPEC.md §18). */
export const webhookJsonPayloadSchema = z.object({
  event: z.union([webhookEventSchema, z.literal('test')]),
  policyId: z.string().nullable(),
  policyTitle: z.string().nullable(),
  revision: z.number().int().nullable(),
  month: z.number().int().nullable(), // the month the places are as of
  at: z.string(),
  summary: z.string(),
  top: z.array(z.object({ rank: z.number().int(), unitId: z.string(), unitName: z.string(), score: z.number().nullable(), award: z.number().int() })),
  link: z.string().nullable(),
});
export type WebhookJsonPayload = z.infer<typeof webhookJsonPayloadSchema>;
