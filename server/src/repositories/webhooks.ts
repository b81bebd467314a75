import type { Database } from 'better-sqlite3';
import type { WebhookDelivery, WebhookEvent, WebhookKind } from '@scoreboard/shared';

/** A webhook target as stored, secret included: only the delivery code reads the secret. */
export interface StoredWebhook {
  webhookId: number;
  kind: WebhookKind;
  name: string;
  url: string;
  secret: string | null;
  events: WebhookEvent[];
  createdBy: string;
  createdAt: string;
}

interface WebhookRow {
  webhook_id: number;
  kind: WebhookKind;
  name: string;
  url: string;
  secret: string | null;
  events: string;
  created_by: string;
  created_at: string;
}
interface DeliveryRow {
  delivery_id: number;
  webhook_id: number;
  event: WebhookDelivery['event'];
  policy_id: string | null;
  revision: number | null;
  summary: string;
  message: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}
export interface StoredDelivery extends WebhookDelivery {
  message: string;
}

const toWebhook = (r: WebhookRow): StoredWebhook => ({
  webhookId: r.webhook_id,
  kind: r.kind,
  name: r.name,
  url: r.url,
  secret: r.secret,
  events: JSON.parse(r.events) as WebhookEvent[],
  createdBy: r.created_by,
  createdAt: r.created_at,
});
const toDelivery = (r: DeliveryRow): StoredDelivery => ({
  deliveryId: r.delivery_id,
  webhookId: r.webhook_id,
  event: r.event,
  policyId: r.policy_id,
  revision: r.revision,
  summary: r.summary,
  message: r.message,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  nextAttemptAt: r.next_attempt_at === null ? null : new Date(r.next_attempt_at).toISOString(),
});

/** Webhook targets, their deliveries and the last announced paid places (migration 011). */
export function createWebhooksRepository(db: Database) {
  const all = db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY webhook_id');
  const one = db.prepare<[number], WebhookRow>('SELECT * FROM webhooks WHERE webhook_id = ?');
  const insert = db.prepare<[string, string, string, string | null, string, string, string]>(
    'INSERT INTO webhooks (kind, name, url, secret, events, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare<[number]>('DELETE FROM webhooks WHERE webhook_id = ?');

  const insertDelivery = db.prepare<[number, string, string | null, number | null, string, string, number, string]>(
    `INSERT INTO webhook_deliveries (webhook_id, event, policy_id, revision, summary, message, status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  const delivery = db.prepare<[number], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE delivery_id = ?');
  const due = db.prepare<[number], DeliveryRow>(
    "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY delivery_id",
  );
  const nextDue = db.prepare<[], { at: number | null }>("SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'");
  const recordAttempt = db.prepare<[string, number, number | null, number | null, string | null, string | null, number]>(
    `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ?
     WHERE delivery_id = ?`,
  );
  const recent = db.prepare<[number, number, number], DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE (? = 0 OR webhook_id = ?) ORDER BY delivery_id DESC LIMIT ?`,
  );

  const announced = db.prepare<[string], { revision: number; paid_json: string }>('SELECT revision, paid_json FROM announced_awards WHERE policy_id = ?');
  const announce = db.prepare<[string, number, string, string]>(
    `INSERT INTO announced_awards (policy_id, revision, paid_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (policy_id) DO UPDATE SET revision = excluded.revision, paid_json = excluded.paid_json, updated_at = excluded.updated_at`,
  );

  return {
    list: () => all.all().map(toWebhook),
    find: (webhookId: number) => {
      const row = one.get(webhookId);
      return row && toWebhook(row);
    },
    insert(w: Omit<StoredWebhook, 'webhookId'>): number {
      return Number(insert.run(w.kind, w.name, w.url, w.secret, JSON.stringify(w.events), w.createdBy, w.createdAt).lastInsertRowid);
    },
    remove: (webhookId: number) => remove.run(webhookId).changes === 1,

    enqueue(d: { webhookId: number; event: StoredDelivery['event']; policyId: string | null; revision: number | null; summary: string; message: string; at: number }): number {
      return Number(insertDelivery.run(d.webhookId, d.event, d.policyId, d.revision, d.summary, d.message, d.at, new Date(d.at).toISOString()).lastInsertRowid);
    },
    delivery: (deliveryId: number) => {
      const row = delivery.get(deliveryId);
      return row && toDelivery(row);
    },
    /** Pending deliveries due at `now`, oldest first. */
    due: (now: number) => due.all(now).map(toDelivery),
    /** When the next pending delivery is due (epoch ms), or null when none is pending. */
    nextDueAt: () => nextDue.get()?.at ?? null,
    recordAttempt(deliveryId: number, outcome: {
      status: StoredDelivery['status']; attempts: number; nextAttemptAt: number | null; statusCode: number | null; error: string | null; deliveredAt: string | null;
    }): void {
      recordAttempt.run(outcome.status, outcome.attempts, outcome.nextAttemptAt, outcome.statusCode, outcome.error, outcome.deliveredAt, deliveryId);
    },
    /** Newest first; all targets, or one. */
    recent: (limit: number, webhookId?: number): WebhookDelivery[] =>
      recent.all(webhookId ?? 0, webhookId ?? 0, limit).map((r) => {
        const { message: _message, ...visible } = toDelivery(r);
        return visible;
      }),

    announced(policyId: string): { revision: number; paid: PaidPlace[] } | undefined {
      const row = announced.get(policyId);
      return row && { revision: row.revision, paid: JSON.parse(row.paid_json) as PaidPlace[] };
    },
    announce: (policyId: string, revision: number, paid: PaidPlace[]) =>
      void announce.run(policyId, revision, JSON.stringify(paid), new Date().toISOString()),
  };
}
export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;

/** One paid place: [unitId, rank, award 万元]. */
export type PaidPlace = [string, number, number];
